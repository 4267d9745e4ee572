/** Room events (durable changes Next.js publishes after writing the store) and the publish body. */
import { z } from 'zod';

import { callKindSchema, callOutcomeSchema, callStateSchema } from '../calls/wire';
import { messageWireSchema, reactionWireSchema } from '../chat/wire';
import { gameWireSchema } from '../games/wire';
import { notificationWireSchema } from '../notifications/wire';

// ── Events: durable changes Next.js publishes after writing the store ─────────────────────────
const conversationId = z.string().min(1);
const seq = z.number().int().positive();

export const roomEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message.created'),
    conversationId,
    seq,
    message: messageWireSchema,
  }),
  z.object({
    type: z.literal('message.updated'),
    conversationId,
    seq,
    message: messageWireSchema,
  }),
  z.object({
    type: z.literal('message.deleted'),
    conversationId,
    seq,
    message: messageWireSchema,
  }),
  z.object({
    type: z.literal('reaction.changed'),
    conversationId,
    seq,
    messageId: z.string(),
    reactions: z.array(reactionWireSchema),
  }),
  z.object({
    type: z.literal('read.updated'),
    conversationId,
    userId: z.string(),
    lastReadSeq: z.number().int().nonnegative(),
  }),
  /** A thread's root changed summary (a reply was sent or deleted): the root as it is now. */
  z.object({
    type: z.literal('thread.updated'),
    conversationId,
    rootId: z.string(),
    root: messageWireSchema,
  }),
  /** Someone's read position (and following) in a thread moved: receipts, unread threads. */
  z.object({
    type: z.literal('thread.read'),
    conversationId,
    rootId: z.string(),
    userId: z.string(),
    lastReadSeq: z.number().int().nonnegative(),
    following: z.boolean(),
  }),
  /** A message was pinned or unpinned: clients refetch the conversation's pins. */
  z.object({
    type: z.literal('pin.changed'),
    conversationId,
    messageId: z.string(),
    pinned: z.boolean(),
    userId: z.string(),
  }),
  /** Name or settings changed: clients refetch the conversation. */
  z.object({ type: z.literal('conversation.updated'), conversationId }),
  z.object({ type: z.literal('member.added'), conversationId, userIds: z.array(z.string()) }),
  z.object({ type: z.literal('member.removed'), conversationId, userIds: z.array(z.string()) }),
  /** A call started ringing: members other than the caller show the incoming-call dialog. */
  z.object({
    type: z.literal('call.ringing'),
    conversationId,
    callId: z.string(),
    kind: callKindSchema,
    callerId: z.string(),
    /** When it counts as missed if nobody answered. */
    ringUntil: z.iso.datetime(),
  }),
  /** Someone answered or joined (`participants`: everyone who joined), or declined a group call. */
  z.object({
    type: z.literal('call.updated'),
    conversationId,
    callId: z.string(),
    state: callStateSchema,
    participants: z.array(z.string()),
    declinedBy: z.array(z.string()),
  }),
  /** The call is over: "No answer" (missed), "Declined", or hung up (completed). */
  z.object({
    type: z.literal('call.ended'),
    conversationId,
    callId: z.string(),
    outcome: callOutcomeSchema,
    durationMs: z.number().int().nonnegative(),
  }),
  /** A game changed (accepted, a move, its end): clients keep the highest `game.version`. */
  z.object({ type: z.literal('game.updated'), conversationId, game: gameWireSchema }),
  /**
   * A reply being written (the assistant streaming): `body` is the whole text so far. The stored
   * message arrives as message.created with clientId = draftId, which replaces the draft.
   */
  z.object({
    type: z.literal('message.draft'),
    conversationId,
    draftId: z.string().min(1).max(128),
    authorId: z.string(),
    replyToId: z.string().nullable(),
    body: z.string().max(40_000),
  }),
  /** Inbox: a new notification for this person, and their unread count after it. */
  z.object({
    type: z.literal('notification.created'),
    notification: notificationWireSchema,
    unreadCount: z.number().int().nonnegative(),
  }),
  /** Inbox: these notifications were read (in another tab, or by reading the conversation). */
  z.object({
    type: z.literal('notifications.read'),
    ids: z.array(z.string()),
    unreadCount: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('user.updated'),
    user: z.object({
      id: z.string(),
      name: z.string(),
      image: z.string().nullable(),
      statusText: z.string().nullable(),
    }),
  }),
]);
export type RoomEvent = z.infer<typeof roomEventSchema>;

/**
 * Body of Next.js → room HTTP publishes (authorized by the server secret). Sent to a
 * conversation room, `recipients` are the members whose inbox rooms the room forwards to; an
 * inbox room ignores it.
 */
export const publishRequestSchema = z.object({
  events: z.array(roomEventSchema).min(1).max(100),
  recipients: z.array(z.string().min(1)).max(1000).optional(),
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;
