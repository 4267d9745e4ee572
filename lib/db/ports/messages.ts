import type { Message, SystemEvent } from '../types';

/** Messages, their per-conversation seq, edits, tombstones and reactions. */
export interface MessagesPort {
  /**
   * Appends a message with the conversation's next seq, atomically, and moves the author's read
   * position to it. A retry with the same (conversationId, authorId, clientId) returns the stored
   * message with created: false and changes nothing. `attachmentIds` must be the author's own
   * unclaimed uploads (the caller checks); they are claimed by this message.
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
  }): Promise<{ message: Message; created: boolean }>;
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
  editMessage(input: { id: string; body: string; mentions: string[] }): Promise<Message | null>;
  /** Tombstones the message: body, attachments, mentions and reactions go; seq and author stay. */
  deleteMessage(input: { id: string }): Promise<Message | null>;
  /** Adds (present: true) or removes a person's reaction; idempotent. Null for unknown messages. */
  setReaction(input: {
    messageId: string;
    userId: string;
    emoji: string;
    present: boolean;
  }): Promise<Message | null>;
}
