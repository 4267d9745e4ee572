import { z } from 'zod';

import { systemEventSchema } from '@/lib/db/system-events';

/**
 * What the API and the realtime events say about conversations and messages. One schema per
 * shape, shared by route handlers (responses, OpenAPI), rooms and the browser (parsing).
 * Times are ISO strings on the wire.
 */

const isoDate = z.iso.datetime();

// The stored shape is the wire shape: one schema, kept with the store's records (lib/db knows no
// feature, so it lives there and the wire reuses it).
export const systemEventWireSchema = systemEventSchema;

export const attachmentWireSchema = z.object({
  id: z.string(),
  kind: z.literal('image'),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  /** Authorized URLs: only members of the conversation can load them. */
  url: z.string(),
  thumbUrl: z.string(),
});
export type AttachmentWire = z.infer<typeof attachmentWireSchema>;

export const reactionWireSchema = z.object({ emoji: z.string(), userIds: z.array(z.string()) });
export type ReactionWire = z.infer<typeof reactionWireSchema>;

/** A short quote of the message replied to, so a reply renders without loading its target. */
export const replyPreviewSchema = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  body: z.string(),
  deleted: z.boolean(),
});

/** What a thread's root carries: "3 replies", the last reply's time, who replied recently. */
export const threadSummaryWireSchema = z.object({
  replyCount: z.number().int().nonnegative(),
  lastReplySeq: z.number().int().positive(),
  lastReplyAt: isoDate,
  participantIds: z.array(z.string()),
});
export type ThreadSummaryWire = z.infer<typeof threadSummaryWireSchema>;

export const messageWireSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int().positive(),
  authorId: z.string().nullable(),
  kind: z.enum(['user', 'system']),
  body: z.string(),
  clientId: z.string().nullable(),
  replyToId: z.string().nullable(),
  replyTo: replyPreviewSchema.nullable(),
  attachments: z.array(attachmentWireSchema),
  mentions: z.array(z.string()),
  reactions: z.array(reactionWireSchema),
  system: systemEventWireSchema.nullable(),
  /** A thread reply's root; null in the main timeline. */
  threadRootId: z.string().nullable(),
  /** A thread reply that also shows in the main timeline. */
  alsoInConversation: z.boolean(),
  /** On a root that has replies. */
  thread: threadSummaryWireSchema.nullable(),
  createdAt: isoDate,
  editedAt: isoDate.nullable(),
  deletedAt: isoDate.nullable(),
});
export type MessageWire = z.infer<typeof messageWireSchema>;

export const memberWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string().nullable(),
  role: z.enum(['owner', 'admin', 'member']),
  lastReadSeq: z.number().int().nonnegative(),
  /** The custom status from their settings ("On holiday until Monday"). */
  statusText: z.string().nullish(),
});
export type MemberWire = z.infer<typeof memberWireSchema>;

export const conversationWireSchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'group']),
  /** A group's name; for a direct conversation, the other person's name. */
  name: z.string(),
  members: z.array(memberWireSchema),
  lastMessage: messageWireSchema.nullable(),
  lastSeq: z.number().int().nonnegative(),
  /**
   * The caller's own read position and unread count: main-timeline messages after it (thread
   * replies kept in their thread take a seq but count in the Threads view, not here).
   */
  lastReadSeq: z.number().int().nonnegative(),
  unreadCount: z.number().int().nonnegative(),
  muted: z.boolean(),
  lastActivityAt: isoDate,
  createdAt: isoDate,
});
export type ConversationWire = z.infer<typeof conversationWireSchema>;

export const conversationResponseSchema = z.object({ conversation: conversationWireSchema });
export const conversationsResponseSchema = z.object({
  conversations: z.array(conversationWireSchema),
});
export const messageResponseSchema = z.object({ message: messageWireSchema });
export const messagesResponseSchema = z.object({
  messages: z.array(messageWireSchema),
  /** More beyond the page in the direction of travel (older for before/newest/around). */
  hasMore: z.boolean(),
  /** Only for around=<seq>: whether newer messages follow the page. */
  hasMoreAfter: z.boolean().optional(),
});
export const readResponseSchema = z.object({
  conversationId: z.string(),
  lastReadSeq: z.number().int().nonnegative(),
  unreadCount: z.number().int().nonnegative(),
});
export const uploadResponseSchema = z.object({ upload: attachmentWireSchema });
