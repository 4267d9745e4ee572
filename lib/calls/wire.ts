import { z } from 'zod';

/** What the API says about calls (responses, OpenAPI, the browser's parsing). ISO times. */

export const callKindSchema = z.enum(['audio', 'video']);
export const callStateSchema = z.enum(['ringing', 'active', 'ended']);
export const callOutcomeSchema = z.enum(['completed', 'missed', 'declined']);

const isoDate = z.iso.datetime();

export const callWireSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  startedBy: z.string(),
  kind: callKindSchema,
  state: callStateSchema,
  outcome: callOutcomeSchema.nullable(),
  /** Everyone who joined, the caller first (people who left stay listed). */
  participants: z.array(z.string()),
  declinedBy: z.array(z.string()),
  startedAt: isoDate,
  answeredAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  /** While ringing: when it counts as missed (the caller's tab hangs up then). */
  ringUntil: isoDate.nullable(),
  /** Once ended: from the answer to the end for a completed call, else 0. */
  durationMs: z.number().int().nonnegative().nullable(),
});
export type CallWire = z.infer<typeof callWireSchema>;

export const callResponseSchema = z.object({ call: callWireSchema });
/** The conversation's live call, or null. */
export const liveCallResponseSchema = z.object({ call: callWireSchema.nullable() });

// ── Request bodies ──

export const startCallSchema = z.object({ kind: callKindSchema });
export type StartCallInput = z.infer<typeof startCallSchema>;

export const callActionSchema = z.object({
  action: z.enum(['accept', 'decline', 'hangup'], {
    error: 'action must be "accept", "decline" or "hangup"',
  }),
});
export type CallAction = z.infer<typeof callActionSchema>['action'];
