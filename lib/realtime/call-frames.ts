/** Call room frames (party `call`, room id = call id): WebRTC signalling and media state. */
import { z } from 'zod';

import { roomIdSchema } from './room-names';

// ── Client → call room (party `call`, room id = call id) ──────────────────────────────────────
/** A mesh: every participant sends media to every other, so calls stay small. */
export const MAX_CALL_PARTICIPANTS = 4;
/** Close codes of the call room, after an `error` frame that says why (don't reconnect). */
export const CALL_CLOSE_CODES = { full: 4001, replaced: 4002, ended: 4003 } as const;

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
