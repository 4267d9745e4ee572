import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { requireMessageAccess } from '@/lib/chat/server/access';
import { announce } from '@/lib/chat/server/events';
import { withReplies } from '@/lib/chat/server/messages';
import type { Store } from '@/lib/db';
import type { Message, ThreadMembership, User } from '@/lib/db/types';

import type { FollowedThreadsResponse, ThreadMembershipWire, ThreadResponse } from '../schemas';

/** How many followed threads the unread count in the sidebar looks at. */
const FOLLOWED_SCAN = 200;

/** A root the caller may see: a message of one of their conversations that is no reply. */
async function requireRoot(store: Store, rootId: string, userId: string): Promise<Message> {
  const { message } = await requireMessageAccess(store, rootId, userId);
  if (message.threadRootId !== null) {
    throw new ApiError('validation_failed', 'That message is a reply in a thread; open its root.', {
      fields: { id: 'A reply, not a thread root' },
    });
  }
  return message;
}

const membershipWire = (m: ThreadMembership): ThreadMembershipWire => ({
  following: m.following,
  lastReadSeq: m.lastReadSeq,
});

export async function getThread(
  store: Store,
  user: User,
  rootId: string,
  query: { before?: number; after?: number; limit: number },
): Promise<ThreadResponse> {
  const root = await requireRoot(store, rootId, user.id);
  const [page, memberships] = await Promise.all([
    store.listThreadReplies({ rootId, ...query }),
    store.listThreadMemberships({ rootId }),
  ]);
  const membership = memberships.find((m) => m.userId === user.id) ?? null;
  const [rootWire, ...replies] = await withReplies(store, [root, ...page.messages]);
  return {
    root: rootWire!,
    replies,
    hasMore: page.hasMore,
    membership: membership && membershipWire(membership),
    readers: memberships.map((m) => ({ userId: m.userId, lastReadSeq: m.lastReadSeq })),
  };
}

/** Tells the members (receipts per thread) and the person's other tabs (unread threads). */
async function announceMembership(store: Store, membership: ThreadMembership): Promise<void> {
  await announce(store, membership.conversationId, [
    {
      type: 'thread.read',
      conversationId: membership.conversationId,
      rootId: membership.rootId,
      userId: membership.userId,
      lastReadSeq: membership.lastReadSeq,
      following: membership.following,
    },
  ]);
}

export async function markThreadRead(store: Store, user: User, rootId: string, seq: number) {
  const root = await requireRoot(store, rootId, user.id);
  const before = await store.getThreadMembership({ rootId, userId: user.id });
  const after = await store.markThreadRead({
    rootId,
    conversationId: root.conversationId,
    userId: user.id,
    seq,
  });
  if (after.lastReadSeq !== (before?.lastReadSeq ?? 0)) await announceMembership(store, after);
  return { rootId, conversationId: root.conversationId, membership: membershipWire(after) };
}

export async function setFollowing(store: Store, user: User, rootId: string, following: boolean) {
  const root = await requireRoot(store, rootId, user.id);
  const before = await store.getThreadMembership({ rootId, userId: user.id });
  const after = await store.setThreadFollowing({
    rootId,
    conversationId: root.conversationId,
    userId: user.id,
    following,
  });
  if (before?.following !== following) await announceMembership(store, after);
  return { rootId, conversationId: root.conversationId, membership: membershipWire(after) };
}

/** Only threads in conversations the person belongs to now: leaving one drops its threads. */
export async function listFollowedThreads(
  store: Store,
  user: User,
  { limit }: { limit: number },
): Promise<FollowedThreadsResponse> {
  const conversations = await store.listConversations({ userId: user.id });
  const followed = await store.listFollowedThreads({
    userId: user.id,
    conversationIds: conversations.map((c) => c.conversation.id),
    limit: FOLLOWED_SCAN,
  });
  const shown = followed.slice(0, limit);
  const roots = new Map(
    (await store.getMessages({ ids: shown.map((t) => t.rootId) })).map((m) => [m.id, m]),
  );
  const wires = new Map(
    (await withReplies(store, [...roots.values()])).map((wire) => [wire.id, wire]),
  );
  return {
    threads: shown.flatMap((t) => {
      const root = wires.get(t.rootId);
      return root
        ? [
            {
              conversationId: t.conversationId,
              root,
              lastReadSeq: t.membership.lastReadSeq,
              unreadCount: t.unreadCount,
            },
          ]
        : [];
    }),
    unreadThreads: followed.filter((t) => t.unreadCount > 0).length,
  };
}
