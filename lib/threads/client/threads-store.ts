import 'client-only';

import { create } from 'zustand';

import type { MessageWire, ReactionWire } from '@/lib/chat/wire';

import type { FollowedThreadWire, ThreadMembershipWire } from '../schemas';

/** A reply this tab sent that the server has not confirmed yet. */
export type PendingReply = {
  clientId: string;
  body: string;
  authorId: string;
  createdAt: string;
  failed: string | null;
};

export type OpenThread = {
  root: MessageWire | null;
  /** Ascending by seq, no duplicates. */
  replies: MessageWire[];
  pending: PendingReply[];
  hasMore: boolean;
  loaded: boolean;
  membership: ThreadMembershipWire | null;
  /** Where each person has read the thread to, by user id (receipts). */
  readers: Record<string, number>;
};

const EMPTY: OpenThread = Object.freeze({
  root: null,
  replies: [],
  pending: [],
  hasMore: false,
  loaded: false,
  membership: null,
  readers: {},
});

function mergeReplies(held: MessageWire[], incoming: MessageWire[]): MessageWire[] {
  const byId = new Map(held.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

type ThreadsState = {
  /** The thread shown in the side panel (or its own screen on a phone), per conversation. */
  openRoot: Record<string, string | undefined>;
  threads: Record<string, OpenThread>;
  followed: FollowedThreadWire[];
  unreadThreads: number;
  followedLoaded: boolean;
  open: (conversationId: string, rootId: string | undefined) => void;
  loaded: (
    rootId: string,
    page: {
      root: MessageWire;
      replies: MessageWire[];
      hasMore: boolean;
      readers: { userId: string; lastReadSeq: number }[];
    },
    membership: ThreadMembershipWire | null,
  ) => void;
  /** Someone's read position in a thread moved (a `thread.read` frame). */
  readerMoved: (rootId: string, userId: string, lastReadSeq: number) => void;
  /** A reply (created, edited, deleted) arrived: kept if its thread is held. */
  reply: (message: MessageWire) => void;
  root: (root: MessageWire) => void;
  reaction: (messageId: string, reactions: ReactionWire[]) => void;
  membership: (rootId: string, membership: ThreadMembershipWire) => void;
  addPending: (rootId: string, reply: PendingReply) => void;
  confirm: (rootId: string, clientId: string, message: MessageWire) => void;
  fail: (rootId: string, clientId: string, error: string) => void;
  setFollowed: (threads: FollowedThreadWire[], unreadThreads: number) => void;
  reset: () => void;
};

export const useThreadsStore = create<ThreadsState>()((set) => {
  const patch = (rootId: string, fn: (t: OpenThread) => OpenThread) =>
    set((s) => {
      const held = s.threads[rootId];
      return held ? { threads: { ...s.threads, [rootId]: fn(held) } } : s;
    });
  return {
    openRoot: {},
    threads: {},
    followed: [],
    unreadThreads: 0,
    followedLoaded: false,
    open: (conversationId, rootId) =>
      set((s) => ({
        openRoot: { ...s.openRoot, [conversationId]: rootId },
        threads: rootId && !s.threads[rootId] ? { ...s.threads, [rootId]: EMPTY } : s.threads,
      })),
    loaded: (rootId, page, membership) =>
      set((s) => {
        const held = s.threads[rootId] ?? EMPTY;
        return {
          threads: {
            ...s.threads,
            [rootId]: {
              ...held,
              root: page.root,
              replies: mergeReplies(held.replies, page.replies),
              hasMore: page.hasMore,
              loaded: true,
              membership,
              readers: {
                ...held.readers,
                ...Object.fromEntries(page.readers.map((r) => [r.userId, r.lastReadSeq])),
              },
            },
          },
        };
      }),
    reply: (message) => {
      if (!message.threadRootId) return;
      patch(message.threadRootId, (t) => ({
        ...t,
        replies: mergeReplies(t.replies, [message]),
        pending: t.pending.filter((p) => p.clientId !== message.clientId),
      }));
    },
    root: (root) => patch(root.id, (t) => ({ ...t, root })),
    reaction: (messageId, reactions) =>
      set((s) => {
        const threads = { ...s.threads };
        for (const [rootId, t] of Object.entries(s.threads)) {
          if (t.root?.id === messageId) threads[rootId] = { ...t, root: { ...t.root, reactions } };
          else if (t.replies.some((m) => m.id === messageId))
            threads[rootId] = {
              ...t,
              replies: t.replies.map((m) => (m.id === messageId ? { ...m, reactions } : m)),
            };
        }
        return { threads };
      }),
    membership: (rootId, membership) => patch(rootId, (t) => ({ ...t, membership })),
    readerMoved: (rootId, userId, lastReadSeq) =>
      patch(rootId, (t) =>
        (t.readers[userId] ?? 0) >= lastReadSeq
          ? t
          : { ...t, readers: { ...t.readers, [userId]: lastReadSeq } },
      ),
    addPending: (rootId, reply) =>
      patch(rootId, (t) => ({
        ...t,
        pending: [...t.pending.filter((p) => p.clientId !== reply.clientId), reply],
      })),
    confirm: (rootId, clientId, message) =>
      patch(rootId, (t) => ({
        ...t,
        replies: mergeReplies(t.replies, [message]),
        pending: t.pending.filter((p) => p.clientId !== clientId),
      })),
    fail: (rootId, clientId, error) =>
      patch(rootId, (t) => ({
        ...t,
        pending: t.pending.map((p) => (p.clientId === clientId ? { ...p, failed: error } : p)),
      })),
    setFollowed: (followed, unreadThreads) =>
      set({ followed, unreadThreads, followedLoaded: true }),
    reset: () =>
      set({
        openRoot: {},
        threads: {},
        followed: [],
        unreadThreads: 0,
        followedLoaded: false,
      }),
  };
});

export const selectThread = (rootId: string) => (s: ThreadsState) => s.threads[rootId] ?? EMPTY;
