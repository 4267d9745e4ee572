import { z } from 'zod';

import { callKindSchema, callOutcomeSchema, callStateSchema } from '../calls/wire';
import { messageWireSchema, reactionWireSchema } from '../chat/wire';
import { gameWireSchema } from '../games/wire';
import { notificationWireSchema } from '../notifications/wire';

/**
 * The realtime protocol: every frame in both directions, shared by `party/` and the browser.
 * Frames are parsed with these schemas, never cast. Bump PROTOCOL_VERSION on a breaking change;
 * the room announces it in `welcome` so an old tab knows to reload.
 */
export const PROTOCOL_VERSION = 1;

/**
 * Party names as they appear in `/parties/<party>/<room>`. `main` is each person's inbox room
 * (room id = user id); `conversation` is one per conversation (room id = conversation id);
 * `call` is one per call (room id = call id), for WebRTC signalling between its participants.
 */
export const partyNameSchema = z.enum(['main', 'conversation', 'call']);
export type PartyName = z.infer<typeof partyNameSchema>;

/** Room ids are ids we mint (users, conversations); keep them URL- and audience-safe. */
export const roomIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'room ids use letters, digits, - and _');

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

// ── Client → room ─────────────────────────────────────────────────────────────────────────────
export const presenceStateSchema = z.enum(['active', 'away']);
export const presenceStatusSchema = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;

export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), at: z.number().int().nonnegative() }),
  /** Inbox room: this tab is in use (`active`) or has been hidden for a while (`away`). */
  z.object({ type: z.literal('presence.set'), state: presenceStateSchema }),
  /** Conversation room: the sender started or stopped typing (re-sent at most every 2 s). */
  z.object({ type: z.literal('typing'), state: z.enum(['start', 'stop']) }),
  /**
   * Conversation room: the sender has read up to `seq`. Live receipts only: the room relays it
   * to the others looking (as a `read.updated` event) and keeps nothing; the durable read
   * position is `POST /conversations/:id/read`, which the client sends coalesced
   * (lib/chat/read-marks.ts).
   */
  z.object({ type: z.literal('read'), seq }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

// ── Client → call room (party `call`, room id = call id) ──────────────────────────────────────
/** A mesh: every participant sends media to every other, so calls stay small. */
export const MAX_CALL_PARTICIPANTS = 4;
/** Close codes of the call room, after an `error` frame that says why (don't reconnect). */
export const CALL_CLOSE_CODES = { full: 4001, replaced: 4002, ended: 4003 } as const;
/** Close code of the conversation room for someone no longer a member (after a `removed` error). */
export const CONVERSATION_CLOSE_CODES = { removed: 4003 } as const;

/** WebRTC signalling between two peers, as lib/calls/perfect-negotiation.ts sends it. */
export const signalDataSchema = z.union([
  z
    .object({
      description: z.object({
        type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
        sdp: z.string().max(200_000).optional(),
      }),
    })
    .strict(),
  z
    .object({
      candidate: z.object({
        candidate: z.string().max(4096),
        sdpMid: z.string().max(256).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      }),
    })
    .strict(),
]);
export type SignalFrameData = z.infer<typeof signalDataSchema>;

/** What the others see of a participant's media; the room starts everyone at all false. */
export const mediaStateSchema = z.object({
  muted: z.boolean(),
  cameraOff: z.boolean(),
  screenSharing: z.boolean(),
  speaking: z.boolean(),
});
export type MediaState = z.infer<typeof mediaStateSchema>;

export const callClientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), at: z.number().int().nonnegative() }),
  /** To one participant (all of their connections); the room adds `from`. */
  z.object({ type: z.literal('signal'), to: roomIdSchema, data: signalDataSchema }),
  /** The sender's media changed: only the fields given. */
  z.object({ type: z.literal('media'), ...mediaStateSchema.partial().shape }),
]);
export type CallClientFrame = z.infer<typeof callClientFrameSchema>;

// ── Room → client ─────────────────────────────────────────────────────────────────────────────
export const frameErrorCodeSchema = z.enum([
  'bad_frame',
  'unsupported',
  'rate_limited',
  /** Call room: already MAX_CALL_PARTICIPANTS people in it; the socket is closed next. */
  'call_full',
  /** Call room: a `signal` named someone who is not in the call (they may have just left). */
  'peer_unavailable',
  /** Call room: the same person joined from another tab or device; this socket is closed next. */
  'replaced',
  /** Call room: the call has ended; the socket is closed next and no one may join again. */
  'call_ended',
  /** Conversation room: the person was removed from (or left) the conversation; closed next. */
  'removed',
]);

const callPeerSchema = z.object({ userId: z.string(), media: mediaStateSchema });

export const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), v: z.number().int(), userId: z.string() }),
  z.object({ type: z.literal('pong'), at: z.number().int() }),
  z.object({ type: z.literal('error'), code: frameErrorCodeSchema, message: z.string() }),
  z.object({ type: z.literal('event'), event: roomEventSchema }),
  /** Inbox room: the status of people the connection's owner shares a conversation with. */
  z.object({
    type: z.literal('presence'),
    users: z.array(
      z.object({
        userId: z.string(),
        status: presenceStatusSchema,
        lastSeenAt: z.number().int().nullable(),
      }),
    ),
  }),
  /** Conversation room: someone else in the conversation started or stopped typing. */
  z.object({ type: z.literal('typing'), userId: z.string(), state: z.enum(['start', 'stop']) }),
  /** Call room, on connecting: who else is in the call now. */
  z.object({
    type: z.literal('call.state'),
    callId: z.string(),
    participants: z.array(callPeerSchema),
  }),
  /** Call room: someone joined (or rejoined from a new connection: renegotiate with them). */
  z.object({ type: z.literal('call.joined'), ...callPeerSchema.shape }),
  /** Call room: someone's last connection left. */
  z.object({ type: z.literal('call.left'), userId: z.string() }),
  z.object({ type: z.literal('call.media'), ...callPeerSchema.shape }),
  /** Call room: signalling from `from` (set by the room, never by the sender). */
  z.object({ type: z.literal('signal'), from: z.string(), data: signalDataSchema }),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;

/** Parses raw socket data against a frame schema; non-JSON and wrong shapes both fail. */
export function parseFrame<T>(
  schema: z.ZodType<T>,
  data: unknown,
): { ok: true; frame: T } | { ok: false; message: string } {
  if (typeof data !== 'string') return { ok: false, message: 'frames are JSON text' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, message: 'frame is not valid JSON' };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return {
      ok: false,
      message: `invalid frame: ${issue ? `${issue.path.join('.') || 'frame'} ${issue.message}` : 'unknown shape'}`,
    };
  }
  return { ok: true, frame: result.data };
}

export function encodeFrame(frame: ServerFrame | ClientFrame | CallClientFrame): string {
  return JSON.stringify(frame);
}
