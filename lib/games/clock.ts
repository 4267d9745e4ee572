import type { GameWire } from './wire';

type Timed = Pick<GameWire, 'status' | 'moves' | 'turnMs' | 'clocks'> & {
  turnStartedAt: Date | null;
};

/** Index of the player to move: sides alternate and players[0] starts. */
export const turnIndex = (moves: readonly unknown[]): 0 | 1 => (moves.length % 2 === 0 ? 0 : 1);

/** Time the player to move has left at the start of their turn, in ms (null: untimed). */
export function allowanceMs(game: Timed): number | null {
  if (game.clocks) return game.clocks[turnIndex(game.moves)] ?? null;
  return game.turnMs;
}

/** When the player to move runs out of time, or null when nothing is ticking. */
export function deadlineOf(game: Timed): Date | null {
  const allowance = allowanceMs(game);
  if (game.status !== 'active' || !game.turnStartedAt || allowance === null) return null;
  return new Date(game.turnStartedAt.getTime() + allowance);
}

/** The clocks after the player to move used `elapsedMs` (chess); turn timers have no clocks. */
export function clocksAfterMove(game: Timed, elapsedMs: number): number[] | null {
  if (!game.clocks) return null;
  const i = turnIndex(game.moves);
  return game.clocks.map((left, j) => (j === i ? Math.max(0, left - elapsedMs) : left));
}

/** How long a challenge waits for an answer before it expires. */
export const CHALLENGE_TTL_MS = 24 * 60 * 60 * 1000;

/** When a pending challenge expires (null for any other game). */
export function challengeExpiry(game: { status: string; createdAt: Date }): Date | null {
  return game.status === 'pending' ? new Date(game.createdAt.getTime() + CHALLENGE_TTL_MS) : null;
}
