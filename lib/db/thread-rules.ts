import type { FollowedThread } from './types';

/** How many recent participants a thread's root carries (the avatars beside "3 replies"). */
export const MAX_THREAD_PARTICIPANTS = 5;

/** The participants after `authorId` replied: them first, no repeats, at most the maximum. */
export function withParticipant(participants: readonly string[], authorId: string): string[] {
  return [authorId, ...participants.filter((id) => id !== authorId)].slice(
    0,
    MAX_THREAD_PARTICIPANTS,
  );
}

/**
 * Who follows a thread because of a reply: its author, the root's author (a thread started on
 * their message) and the people it mentions. Only the reply's author and the mentioned are
 * re-followed if they had unfollowed; the root's author keeps their choice.
 */
export function followersOnReply(input: {
  authorId: string | null;
  rootAuthorId: string | null;
  mentions: readonly string[];
}): { refollow: string[]; followIfNew: string[] } {
  const refollow = [...new Set([input.authorId, ...input.mentions])].filter(
    (id): id is string => id !== null,
  );
  const followIfNew =
    input.rootAuthorId !== null && !refollow.includes(input.rootAuthorId)
      ? [input.rootAuthorId]
      : [];
  return { refollow, followIfNew };
}

/** The Threads view's order: unread first, then newest reply, then root id descending. */
export function compareFollowedThreads(a: FollowedThread, b: FollowedThread): number {
  const unread = Number(b.unreadCount > 0) - Number(a.unreadCount > 0);
  if (unread !== 0) return unread;
  const at = b.thread.lastReplyAt.getTime() - a.thread.lastReplyAt.getTime();
  if (at !== 0) return at;
  return a.rootId < b.rootId ? 1 : a.rootId > b.rootId ? -1 : 0;
}
