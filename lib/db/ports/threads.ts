import type { FollowedThread, Message, ThreadMembership, ThreadSummary } from '../types';

/**
 * Threads: replies are ordinary messages (createMessage with `threadRootId`) that keep the
 * conversation's seq, so resync by seq is unchanged. The store keeps, in the reply's own
 * transaction, the root's summary (reply count, newest reply, recent participants) and the
 * thread memberships: the author of a reply, the root's author and the people a reply mentions
 * follow the thread; the author's read position moves to the reply.
 */
export interface ThreadsPort {
  getThread(input: { rootId: string }): Promise<ThreadSummary | null>;
  /**
   * A page of a thread's replies in ascending seq order, with `before`/`after` as in
   * listMessages (neither: the newest `limit`). Tombstoned replies keep their place.
   */
  listThreadReplies(input: {
    rootId: string;
    before?: number;
    after?: number;
    limit: number;
  }): Promise<{ messages: Message[]; hasMore: boolean }>;
  getThreadMembership(input: { rootId: string; userId: string }): Promise<ThreadMembership | null>;
  /** Follows or unfollows by hand (creating the membership when there is none). */
  setThreadFollowing(input: {
    rootId: string;
    conversationId: string;
    userId: string;
    following: boolean;
  }): Promise<ThreadMembership>;
  /**
   * Moves the person's read position in the thread to `seq`, clamped to the newest reply, never
   * backwards; creates the membership (not following) when there is none.
   */
  markThreadRead(input: {
    rootId: string;
    conversationId: string;
    userId: string;
    seq: number;
  }): Promise<ThreadMembership>;
  /**
   * The threads `userId` follows in these conversations, those with unread replies first, then
   * by newest reply (then root id descending); at most `limit`.
   */
  listFollowedThreads(input: {
    userId: string;
    conversationIds: string[];
    limit: number;
  }): Promise<FollowedThread[]>;
  /** Every membership of a thread (read receipts), by user id. */
  listThreadMemberships(input: { rootId: string }): Promise<ThreadMembership[]>;
  /** Everyone following a thread (for notifications). */
  listThreadFollowers(input: { rootId: string }): Promise<string[]>;
}
