import { z } from 'zod';

import { aiLevelSchema, gameKindSchema } from './wire';

const id = z.string().min(1).max(64);

/** Start a game: the same schema validates the "Start a game" form and the route. */
export const createGameSchema = z.object({
  kind: gameKindSchema,
  /** Who to challenge; null or absent: in a DM the other person, in a group an open challenge. */
  opponentId: id.nullable().optional(),
  /** Parley AI's strength when it is the opponent. */
  aiLevel: aiLevelSchema.optional(),
  /** Tic-tac-toe and Connect Four: seconds per move (default 60, or GAME_TURN_SECONDS). */
  turnSeconds: z.number().int().min(2).max(3600).optional(),
  /** Chess: each player's clock in seconds (default 300). */
  clockSeconds: z.number().int().min(5).max(7200).optional(),
  /** A retried challenge with the same clientId returns the game already created. */
  clientId: z.string().min(1).max(64).optional(),
});
export type CreateGameInput = z.infer<typeof createGameSchema>;

export const moveSchema = z.object({
  /** Tic-tac-toe: cell "0".."8"; Connect Four: column "0".."6"; chess: UCI such as "e2e4". */
  move: z.string().min(1).max(8),
  /** The game's version the move was decided on: a stale one is 409, never a double move. */
  expectedVersion: z.number().int().positive(),
});
export type MoveInput = z.infer<typeof moveSchema>;

export const gameActionSchema = z.object({
  action: z.enum(['accept', 'decline', 'join', 'resign', 'offer-draw', 'accept-draw']),
});
export type GameAction = z.infer<typeof gameActionSchema>['action'];

export const leaderboardQuerySchema = z.object({ kind: gameKindSchema.default('connect4') });
