import 'client-only';

import { create } from 'zustand';

import type { ConversationWire, MessageWire } from '@/lib/chat/wire';

type ConversationsState = {
  byId: Record<string, ConversationWire>;
  loaded: boolean;
  /** The conversation on screen in this tab: its new messages are not unread here. */
  openId: string | null;
  setAll: (list: ConversationWire[]) => void;
  upsert: (conversation: ConversationWire) => void;
  remove: (id: string) => void;
  setOpen: (id: string | null) => void;
  /** A new message: preview, order and (for others' messages) the unread count. */
  messageArrived: (message: MessageWire, meId: string) => void;
  /** A message changed (edit, delete): refresh the preview if it is the last one. */
  messageChanged: (message: MessageWire) => void;
  readMoved: (input: {
    conversationId: string;
    userId: string;
    lastReadSeq: number;
    meId: string;
  }) => void;
};

/** The sidebar's conversations, kept live by inbox events. */
export const useConversationsStore = create<ConversationsState>((set) => ({
  byId: {},
  loaded: false,
  openId: null,
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
      const mine = message.authorId === meId;
      const lastReadSeq = mine ? message.seq : c.lastReadSeq;
      return {
        byId: {
          ...s.byId,
          [c.id]: {
            ...c,
            lastMessage: message,
            lastSeq: message.seq,
            lastReadSeq,
            unreadCount: Math.max(0, message.seq - lastReadSeq),
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
      const mine = userId === meId ? Math.max(c.lastReadSeq, lastReadSeq) : c.lastReadSeq;
      return {
        byId: {
          ...s.byId,
          [c.id]: { ...c, members, lastReadSeq: mine, unreadCount: Math.max(0, c.lastSeq - mine) },
        },
      };
    }),
}));

/** Sidebar order: most recent activity first. */
export function sortConversations(byId: Record<string, ConversationWire>): ConversationWire[] {
  return Object.values(byId).sort(
    (a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id),
  );
}
