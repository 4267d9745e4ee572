import { z } from 'zod';

import { gameKinds } from './rules/types';

/**
 * A game as the API and the realtime frame carry it (lib/realtime/protocol.ts imports this for
 * `game.updated`). Plain zod, safe in the browser. `version` orders updates: a client keeps the
 * highest it has seen and ignores older frames.
 */
export const gameKindSchema = z.enum(gameKinds);
export const aiLevelSchema = z.enum(['easy', 'medium', 'hard']);
export const gameStatusSchema = z.enum(['pending', 'active', 'ended', 'declined', 'expired']);
export const gameEndReasonSchema = z.enum([
  'line',
  'checkmate',
  'stalemate',
  'threefold-repetition',
  'insufficient-material',
  'fifty-moves',
  'board-full',
  'move-limit',
  'timeout',
  'resign',
  'agreed',
]);

export const gameWireSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  kind: gameKindSchema,
  status: gameStatusSchema,
  createdBy: z.string(),
  /** Who was challenged; null for an open challenge. */
  invitedId: z.string().nullable(),
  /** In move order: players[0] moves first. Only the challenger while pending. */
  players: z.array(z.string()),
  moves: z.array(z.string()),
  version: z.number().int().positive(),
  /** Time per move in ms (tic-tac-toe, Connect Four), or null with a clock. */
  turnMs: z.number().int().nullable(),
  /** Chess: each player's remaining ms when the current turn started, in player order. */
  clocks: z.array(z.number()).nullable(),
  turnStartedAt: z.iso.datetime().nullable(),
  /** When the player to move runs out of time (active games): the timer's deadline. */
  deadline: z.iso.datetime().nullable(),
  drawOfferedBy: z.string().nullable(),
  aiLevel: aiLevelSchema.nullable(),
  rematchOf: z.string().nullable(),
  result: z
    .object({
      winnerId: z.string().nullable(),
      reason: gameEndReasonSchema,
      line: z.array(z.union([z.number(), z.string()])),
    })
    .nullable(),
  createdAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type GameWire = z.infer<typeof gameWireSchema>;

export const gameResponseSchema = z.object({ game: gameWireSchema });
export const gameListResponseSchema = z.object({ games: z.array(gameWireSchema) });

export const gameStatWireSchema = z.object({
  userId: z.string(),
  kind: gameKindSchema,
  wins: z.number().int().nonnegative(),
  losses: z.number().int().nonnegative(),
  draws: z.number().int().nonnegative(),
  rating: z.number().int(),
});
export type GameStatWire = z.infer<typeof gameStatWireSchema>;
export const gameStatsResponseSchema = z.object({ stats: z.array(gameStatWireSchema) });
export const leaderboardResponseSchema = z.object({
  /** Members with at least one finished game of `kind`, best rating first. */
  entries: z.array(gameStatWireSchema),
});
