import 'client-only';

import { create } from 'zustand';

import {
  contiguousTail,
  mergeMessages,
  type PendingMessage,
  type Timeline,
} from '@/lib/chat/timeline';
import type { MessageWire } from '@/lib/chat/wire';
import type { RoomEvent } from '@/lib/realtime/protocol';

export type ConversationTimeline = Timeline & {
  /** Older messages exist on the server (fetch `before=<first seq>`). */
  hasMoreBefore: boolean;
  /** The latest page was applied: until then events are only buffered, never gap-checked. */
  loadedLatest: boolean;
  /** Every message up to this seq (from the oldest loaded one) is here: fetch `after=lastSeq`. */
  lastSeq: number;
  /**
   * Opened at a message (`around`): the window is in the past and newer messages exist on the
   * server, fetched page by page as the person scrolls down (`after=lastSeq`). Meanwhile live
   * messages beyond the window are left to those pages, not shown after a hole.
   */
  hasMoreAfter: boolean;
};

/** A `GET /messages` answer (`messagesResponseSchema`). */
export type MessagesPage = { messages: MessageWire[]; hasMore: boolean; hasMoreAfter?: boolean };
export type PageDirection = 'latest' | 'before' | 'after' | 'around';
/** `gap`: messages after `afterSeq` are missing; the caller fetches `after=afterSeq`. */
export type GapCheck = { gap: boolean; afterSeq: number };

type TimelineState = {
  conversations: Record<string, ConversationTimeline>;
  /** Start holding a conversation (before its first fetch) so events arriving meanwhile are kept. */
  open: (conversationId: string) => void;
  applyPage: (conversationId: string, page: MessagesPage, direction: PageDirection) => GapCheck;
  applyEvent: (event: RoomEvent) => GapCheck;
  /** Shows a sent message at once; the same clientId again (a retry) moves it to the end. */
  addPending: (message: Omit<PendingMessage, 'status' | 'error'>) => void;
  markFailed: (conversationId: string, clientId: string, error?: string) => void;
  /** Discards an unconfirmed message (the person gave up on a failed one). */
  removePending: (conversationId: string, clientId: string) => void;
  /** The POST answered: the server's message replaces the pending one. */
  confirm: (clientId: string, message: MessageWire) => GapCheck;
  /** Forgets one conversation, or all of them (sign-out). */
  reset: (conversationId?: string) => void;
};

export const EMPTY_TIMELINE: ConversationTimeline = Object.freeze({
  messages: [],
  pending: [],
  hasMoreBefore: false,
  loadedLatest: false,
  lastSeq: 0,
  hasMoreAfter: false,
});

const NO_GAP: GapCheck = { gap: false, afterSeq: 0 };

function withMessages(entry: ConversationTimeline, incoming: readonly MessageWire[]) {
  const merged = mergeMessages(entry, incoming);
  const same = merged.messages === entry.messages && merged.pending === entry.pending;
  return same ? entry : { ...entry, ...merged };
}

/** Advances `lastSeq` through consecutive seqs; anything beyond a hole is a gap to fetch. */
function checkTail(entry: ConversationTimeline): [ConversationTimeline, GapCheck] {
  // A window in the past fills downwards as the person scrolls, never by itself.
  if (!entry.loadedLatest || entry.hasMoreAfter) {
    return [entry, { gap: false, afterSeq: entry.lastSeq }];
  }
  const lastSeq = contiguousTail(entry.messages, entry.lastSeq);
  const maxSeq = entry.messages.at(-1)?.seq ?? 0;
  const next = lastSeq === entry.lastSeq ? entry : { ...entry, lastSeq };
  return [next, { gap: maxSeq > lastSeq, afterSeq: lastSeq }];
}

function pageFor(entry: ConversationTimeline, page: MessagesPage, direction: PageDirection) {
  const seqs = page.messages.map((m) => m.seq);
  const pageMax = Math.max(0, ...seqs);
  if (direction === 'before') {
    return { ...withMessages(entry, page.messages), hasMoreBefore: page.hasMore };
  }
  if (direction === 'after') {
    const next = withMessages(entry, page.messages);
    // With nothing more to fetch, the server vouched for everything up to now; a hole left
    // behind is a message still on its way (its event re-checks), so don't fetch in a loop.
    const known = page.hasMore ? pageMax : (next.messages.at(-1)?.seq ?? 0);
    return {
      ...next,
      lastSeq: Math.max(next.lastSeq, known),
      hasMoreAfter: entry.hasMoreAfter && page.hasMore,
    };
  }
  if (direction === 'around') {
    // The window restarts at the page: what was held may not join it.
    return {
      ...withMessages({ ...entry, messages: [] }, page.messages),
      hasMoreBefore: page.hasMore,
      hasMoreAfter: page.hasMoreAfter ?? false,
      loadedLatest: true,
      lastSeq: pageMax,
    };
  }
  // latest: keep what we held only if it joins the page without a hole; otherwise the window
  // restarts at the page (buffered events newer than the page stay).
  const pageMin = seqs.length ? Math.min(...seqs) : 1;
  const joins = entry.loadedLatest && !entry.hasMoreAfter && entry.lastSeq >= pageMin - 1;
  const kept = joins ? entry.messages : entry.messages.filter((m) => m.seq >= pageMin);
  const base = { ...entry, messages: kept };
  return {
    ...withMessages(base, page.messages),
    hasMoreBefore: joins ? entry.hasMoreBefore : page.hasMore,
    loadedLatest: true,
    lastSeq: Math.max(pageMax, joins ? entry.lastSeq : 0),
    hasMoreAfter: false,
  };
}

export const useTimelineStore = create<TimelineState>()((set, get) => {
  /** Applies `update` to a conversation already held; returns its gap check. */
  function update(
    conversationId: string,
    fn: (entry: ConversationTimeline) => ConversationTimeline,
  ): GapCheck {
    const entry = get().conversations[conversationId];
    if (!entry) return NO_GAP;
    const [next, check] = checkTail(fn(entry));
    if (next !== entry)
      set((s) => ({ conversations: { ...s.conversations, [conversationId]: next } }));
    return check;
  }

  return {
    conversations: {},
    open: (id) => {
      if (!get().conversations[id]) {
        set((s) => ({ conversations: { ...s.conversations, [id]: EMPTY_TIMELINE } }));
      }
    },
    applyPage: (id, page, direction) => {
      get().open(id);
      const check = update(id, (entry) => pageFor(entry, page, direction));
      // More newer messages than one page: keep fetching from the new tail.
      return direction === 'after' && page.hasMore ? { ...check, gap: true } : check;
    },
    applyEvent: (event) => {
      switch (event.type) {
        case 'message.created':
        case 'message.updated':
        case 'message.deleted':
          return update(event.conversationId, (entry) => {
            const held = entry.messages.some((m) => m.id === event.message.id);
            // Past the end of a window opened in the past: the next newer page brings it.
            if (!held && entry.hasMoreAfter && event.seq > entry.lastSeq) return entry;
            // Inside the loaded range but not held: older than the window, its page brings it.
            if (
              !held &&
              entry.loadedLatest &&
              event.seq <= entry.lastSeq &&
              event.type !== 'message.created'
            ) {
              return entry;
            }
            return withMessages(entry, [event.message]);
          });
        case 'reaction.changed': {
          const entry = get().conversations[event.conversationId];
          const target = entry?.messages.find((m) => m.id === event.messageId);
          if (!entry) return NO_GAP;
          // A reaction on a message past our tail means we missed that message.
          if (!target)
            return {
              gap: entry.loadedLatest && event.seq > entry.lastSeq,
              afterSeq: entry.lastSeq,
            };
          return update(event.conversationId, (e) =>
            withMessages(e, [{ ...target, reactions: event.reactions }]),
          );
        }
        default:
          return NO_GAP;
      }
    },
    addPending: (message) => {
      get().open(message.conversationId);
      update(message.conversationId, (entry) => ({
        ...entry,
        pending: [
          ...entry.pending.filter((p) => p.clientId !== message.clientId),
          { ...message, status: 'pending', error: null },
        ],
      }));
    },
    markFailed: (id, clientId, error) => {
      update(id, (entry) => ({
        ...entry,
        pending: entry.pending.map((p) =>
          p.clientId === clientId ? { ...p, status: 'failed', error: error ?? null } : p,
        ),
      }));
    },
    removePending: (id, clientId) => {
      update(id, (entry) => ({
        ...entry,
        pending: entry.pending.filter((p) => p.clientId !== clientId),
      }));
    },
    confirm: (clientId, message) =>
      update(message.conversationId, (entry) =>
        withMessages({ ...entry, pending: entry.pending.filter((p) => p.clientId !== clientId) }, [
          message,
        ]),
      ),
    reset: (id) => {
      if (id === undefined) return set({ conversations: {} });
      set((s) => {
        const { [id]: _dropped, ...rest } = s.conversations;
        return { conversations: rest };
      });
    },
  };
});

// ── Selectors: they return stored references (or the frozen empty one), never fresh objects ──
export const selectTimeline =
  (conversationId: string) =>
  (s: TimelineState): ConversationTimeline =>
    s.conversations[conversationId] ?? EMPTY_TIMELINE;

export const selectMessages = (conversationId: string) => (s: TimelineState) =>
  selectTimeline(conversationId)(s).messages;

export const selectPending = (conversationId: string) => (s: TimelineState) =>
  selectTimeline(conversationId)(s).pending;

export function useTimeline(conversationId: string): ConversationTimeline {
  return useTimelineStore(selectTimeline(conversationId));
}
