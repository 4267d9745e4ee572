import { z } from 'zod';

import { mediaStateSchema, signalDataSchema, type CallClientFrame } from './call-frames';
import { roomEventSchema } from './room-events';

/**
 * The realtime protocol: every frame in both directions, shared by `party/` and the browser.
 * Frames are parsed with these schemas, never cast. Bump PROTOCOL_VERSION on a breaking change;
 * the room announces it in `welcome` so an old tab knows to reload.
 */
export const PROTOCOL_VERSION = 1;

// The frames live in one file per room family; this module is the one import path for all of them.
export * from './call-frames';
export * from './room-events';
export * from './room-names';

const seq = z.number().int().positive();

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
  /**
   * Conversation room: this tab stops looking (before it closes the socket). The room answers
   * `left` after every event it sent this connection, so the tab closes having read them all.
   */
  z.object({ type: z.literal('leave') }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Close code of the conversation room for someone no longer a member (after a `removed` error). */
export const CONVERSATION_CLOSE_CODES = { removed: 4003 } as const;

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
  /** Conversation room: the answer to `leave`; nothing more comes on this socket. */
  z.object({ type: z.literal('left') }),
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
