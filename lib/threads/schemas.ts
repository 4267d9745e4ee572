import { z } from 'zod';

import { messagesQuerySchema } from '@/lib/chat/schemas';
import { messageWireSchema } from '@/lib/chat/wire';

/** Requests and answers of the thread routes (lib/threads/endpoints.ts). */

/** A thread pages like a conversation: before=/after= a seq, limit 1–100 (50). */
export const threadQuerySchema = messagesQuerySchema;

export const followedThreadsQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit is at least 1')
    .max(100, 'limit is at most 100')
    .default(50),
});

export const threadReadSchema = z.object({ seq: z.number().int().nonnegative() });

/** One person's place in a thread; null before they touched it. */
export const threadMembershipWireSchema = z.object({
  following: z.boolean(),
  lastReadSeq: z.number().int().nonnegative(),
});
export type ThreadMembershipWire = z.infer<typeof threadMembershipWireSchema>;

export const threadResponseSchema = z.object({
  root: messageWireSchema,
  /** Ascending by seq. */
  replies: z.array(messageWireSchema),
  /** More replies beyond the page in the direction of travel (older unless `after`). */
  hasMore: z.boolean(),
  membership: threadMembershipWireSchema.nullable(),
  /** Where each person who opened or wrote in the thread has read to (receipts). */
  readers: z.array(z.object({ userId: z.string(), lastReadSeq: z.number().int().nonnegative() })),
});
export type ThreadResponse = z.infer<typeof threadResponseSchema>;

export const threadMembershipResponseSchema = z.object({
  rootId: z.string(),
  conversationId: z.string(),
  membership: threadMembershipWireSchema,
});

export const followedThreadWireSchema = z.object({
  conversationId: z.string(),
  root: messageWireSchema,
  lastReadSeq: z.number().int().nonnegative(),
  /** Replies by others after the read position (deleted ones aside). */
  unreadCount: z.number().int().nonnegative(),
});
export type FollowedThreadWire = z.infer<typeof followedThreadWireSchema>;

export const followedThreadsResponseSchema = z.object({
  /** Unread first, then by newest reply. */
  threads: z.array(followedThreadWireSchema),
  /** Followed threads with unread replies (the sidebar's count). */
  unreadThreads: z.number().int().nonnegative(),
});
export type FollowedThreadsResponse = z.infer<typeof followedThreadsResponseSchema>;
