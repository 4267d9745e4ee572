import { z } from 'zod';

/**
 * What a system message records, as stored (SQLite JSON column, Mongo subdocument) and as sent
 * (lib/chat/wire.ts re-exports it): one schema. Plain zod, safe in the browser. `actorId` is who
 * did it. Checked against the SystemEvent type in lib/db/json-columns.ts.
 */
export const systemEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('conversation.created'), actorId: z.string() }),
  z.object({ type: z.literal('conversation.renamed'), actorId: z.string(), name: z.string() }),
  z.object({ type: z.literal('member.added'), actorId: z.string(), userIds: z.array(z.string()) }),
  z.object({
    type: z.literal('member.removed'),
    actorId: z.string(),
    userIds: z.array(z.string()),
  }),
  /** A call ended: started by `actorId`; `durationMs` from the answer (0 unless completed). */
  z.object({
    type: z.literal('call'),
    actorId: z.string(),
    callId: z.string(),
    kind: z.enum(['audio', 'video']),
    outcome: z.enum(['completed', 'missed', 'declined']),
    durationMs: z.number().int().nonnegative(),
  }),
  /** A game card (lib/games): the message the challenge, board and result are shown in. */
  z.object({
    type: z.literal('game'),
    actorId: z.string(),
    gameId: z.string(),
    kind: z.enum(['tictactoe', 'connect4', 'chess']),
    invitedId: z.string().nullable(),
  }),
  /** A game ended: won by `actorId` against `opponentId`, or drawn between them. */
  z.object({
    type: z.literal('game.ended'),
    actorId: z.string(),
    gameId: z.string(),
    kind: z.enum(['tictactoe', 'connect4', 'chess']),
    opponentId: z.string(),
    draw: z.boolean(),
    reason: z.string().max(64),
    moves: z.number().int().nonnegative(),
  }),
  /** `actorId` pinned the message `messageId` ("Ana pinned a message"). */
  z.object({ type: z.literal('message.pinned'), actorId: z.string(), messageId: z.string() }),
]);
