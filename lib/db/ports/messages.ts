import type { DailyActivity, Job, Message, NewJob, SystemEvent } from '../types';

/** Messages, their per-conversation seq, edits, tombstones and reactions. */
export interface MessagesPort {
  /**
   * Appends a message with the conversation's next seq, atomically, and moves the author's read
   * position to it when it shows in the main timeline (a thread reply kept in its thread leaves
   * the author's place in the conversation where it was: the thread has its own read position).
   * A retry with the same (conversationId, authorId, clientId) returns the stored message with
   * created: false and changes nothing. `attachmentIds` must be the author's own
   * unclaimed uploads (the caller checks); they are claimed by this message.
   *
   * Outbox: `jobs` names the follow-up jobs of the stored message; they are written with it, in
   * the same transaction (SQLite) or from an outbox field on the message document that a
   * sweeper relays (MongoDB, see JobsPort.relayOutbox), so a crash after the write loses none. A
   * retry writes them again under their dedupe ids: one that went missing is re-created, the
   * others are left as they are. `queued` lists the jobs this call created (to dispatch after
   * commit).
   */
  createMessage(input: {
    conversationId: string;
    authorId: string | null;
    body: string;
    clientId?: string | null;
    replyToId?: string | null;
    attachmentIds?: string[];
    mentions?: string[];
    system?: SystemEvent | null;
    /** A thread reply: the root (a message of this conversation, not itself a reply). */
    threadRootId?: string | null;
    /** A thread reply also shown in the main timeline. */
    alsoInConversation?: boolean;
    jobs?: (message: Message) => NewJob[];
  }): Promise<{ message: Message; created: boolean; queued: Job[] }>;
  getMessage(input: { id: string }): Promise<Message | null>;
  /** Messages with these ids, in no particular order; unknown ids are skipped. */
  getMessages(input: { ids: string[] }): Promise<Message[]>;
  /**
   * A page in ascending seq order. `before`: the `limit` messages just below that seq; `after`:
   * the `limit` messages just above it; neither: the newest `limit`. `hasMore` says whether more
   * exist beyond the page in the direction of travel (older for before/newest, newer for after).
   */
  listMessages(input: {
    conversationId: string;
    before?: number;
    after?: number;
    limit: number;
  }): Promise<{ messages: Message[]; hasMore: boolean }>;
  /**
   * How many messages of the main timeline have a seq above `afterSeq`: every message (system
   * entries and tombstones too, they show) except thread replies kept in their thread. This is a
   * conversation's unread count: replies keep the conversation's seq, so `lastSeq − lastReadSeq`
   * would count them too.
   */
  countTimelineMessages(input: { conversationId: string; afterSeq: number }): Promise<number>;
  /** The newest message of the main timeline (the sidebar's preview), not a thread-only reply. */
  latestTimelineMessage(input: { conversationId: string }): Promise<Message | null>;
  editMessage(input: { id: string; body: string; mentions: string[] }): Promise<Message | null>;
  /**
   * Tombstones the message: body, attachments, mentions and reactions go; seq and author stay.
   * A root keeps its thread; a deleted reply no longer counts in its root's replyCount.
   */
  deleteMessage(input: { id: string }): Promise<Message | null>;
  /**
   * People's messages per UTC day since `since` (days without any are left out), how many
   * different people wrote them, and the assistant's replies (`assistantId`'s messages, counted
   * apart from people's): the operations page's 30-day usage. System messages don't count.
   */
  messageActivity(input: { since: Date; assistantId: string }): Promise<DailyActivity[]>;
  /** Adds (present: true) or removes a person's reaction; idempotent. Null for unknown messages. */
  setReaction(input: {
    messageId: string;
    userId: string;
    emoji: string;
    present: boolean;
  }): Promise<Message | null>;
}
