import 'client-only';

import { create } from 'zustand';

import type { ConversationWire, MessageWire } from '@/lib/chat/wire';
import { inMainTimeline } from '@/lib/threads/timeline';

type ConversationsState = {
  byId: Record<string, ConversationWire>;
  loaded: boolean;
  /** The conversation on screen in this tab: its new messages are not unread here. */
  openId: string | null;
  /**
   * Per conversation, the seqs of thread replies kept in their thread that arrived above the
   * reader's read position: they take the conversation's seq but are not unread here, so a read
   * position moving over them must not take them off the count.
   */
  threadOnlySeqs: Record<string, number[] | undefined>;
  setAll: (list: ConversationWire[]) => void;
  upsert: (conversation: ConversationWire) => void;
  remove: (id: string) => void;
  setOpen: (id: string | null) => void;
  /**
   * A new message: preview, order and (for others' messages) the unread count. A thread reply
   * kept in its thread only moves lastSeq (resync and marking read go by seq) and the activity
   * time (as on the server); it counts in the Threads view instead.
   */
  messageArrived: (message: MessageWire, meId: string) => void;
  /** A message changed (edit, delete): refresh the preview if it is the last one. */
  messageChanged: (message: MessageWire) => void;
  /** Someone's read position moved (mine: the unread count follows, see unreadAfterRead). */
  readMoved: (input: {
    conversationId: string;
    userId: string;
    lastReadSeq: number;
    meId: string;
  }) => void;
};

/**
 * What is left unread after the reader's position moves from `c.lastReadSeq` to `to`: the
 * main-timeline messages passed over come off the count, the thread-only replies among them
 * (known from `hidden`) never were on it. Replies that came before the list was loaded are not
 * known here, so a read that stops short of the end over them may count too few (never below
 * zero) until the list is loaded again. The server's count in a mark-read answer is not used: it
 * may include a message whose frame is still on its way, which would then count twice.
 */
export function unreadAfterRead(c: ConversationWire, to: number, hidden: readonly number[]) {
  if (to >= c.lastSeq) return 0;
  if (to <= c.lastReadSeq) return c.unreadCount;
  const passedHidden = hidden.filter((seq) => seq > c.lastReadSeq && seq <= to).length;
  return Math.max(0, c.unreadCount - (to - c.lastReadSeq - passedHidden));
}

/** The sidebar's conversations, kept live by inbox events. */
export const useConversationsStore = create<ConversationsState>((set) => ({
  byId: {},
  loaded: false,
  openId: null,
  threadOnlySeqs: {},
  setAll: (list) => set({ byId: Object.fromEntries(list.map((c) => [c.id, c])), loaded: true }),
  upsert: (conversation) => set((s) => ({ byId: { ...s.byId, [conversation.id]: conversation } })),
  remove: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.byId;
      return { byId: rest };
    }),
  setOpen: (openId) => set({ openId }),
  messageArrived: (message, meId) =>
    set((s) => {
      const c = s.byId[message.conversationId];
      if (!c || message.seq <= c.lastSeq) return s;
      if (!inMainTimeline(message)) {
        const hidden = s.threadOnlySeqs[c.id] ?? [];
        return {
          byId: {
            ...s.byId,
            [c.id]: { ...c, lastSeq: message.seq, lastActivityAt: message.createdAt },
          },
          threadOnlySeqs: {
            ...s.threadOnlySeqs,
            [c.id]: message.seq > c.lastReadSeq ? [...hidden, message.seq] : hidden,
          },
        };
      }
      const mine = message.authorId === meId;
      // Seqs skipped on the way here (a missed frame) are counted as unread, as before threads;
      // the list is loaded again whenever the realtime link comes back.
      const unreadCount = mine
        ? 0
        : c.unreadCount + message.seq - Math.max(c.lastSeq, c.lastReadSeq);
      return {
        byId: {
          ...s.byId,
          [c.id]: {
            ...c,
            lastMessage: message,
            lastSeq: message.seq,
            lastReadSeq: mine ? message.seq : c.lastReadSeq,
            unreadCount,
            lastActivityAt: message.createdAt,
          },
        },
      };
    }),
  messageChanged: (message) =>
    set((s) => {
      const c = s.byId[message.conversationId];
      if (!c || c.lastMessage?.id !== message.id) return s;
      return { byId: { ...s.byId, [c.id]: { ...c, lastMessage: message } } };
    }),
  readMoved: ({ conversationId, userId, lastReadSeq, meId }) =>
    set((s) => {
      const c = s.byId[conversationId];
      if (!c) return s;
      const members = c.members.map((m) =>
        m.id === userId ? { ...m, lastReadSeq: Math.max(m.lastReadSeq, lastReadSeq) } : m,
      );
      if (userId !== meId) return { byId: { ...s.byId, [c.id]: { ...c, members } } };
      const mine = Math.max(c.lastReadSeq, lastReadSeq);
      const hidden = s.threadOnlySeqs[c.id] ?? [];
      const unread = unreadAfterRead(c, mine, hidden);
      return {
        byId: { ...s.byId, [c.id]: { ...c, members, lastReadSeq: mine, unreadCount: unread } },
        threadOnlySeqs: { ...s.threadOnlySeqs, [c.id]: hidden.filter((seq) => seq > mine) },
      };
    }),
}));

/** Sidebar order: most recent activity first. */
export function sortConversations(byId: Record<string, ConversationWire>): ConversationWire[] {
  return Object.values(byId).sort(
    (a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id),
  );
}
