import 'server-only';

import { ApiError } from '@/lib/api/errors';
import type { Game, Store } from '@/lib/db/store';

import { allowanceMs, challengeExpiry, clocksAfterMove, deadlineOf, turnIndex } from '../clock';
import { endGame, writeGame } from './write';

/**
 * A game's timers: a turn's deadline (the player to move loses on time) and a challenge's expiry.
 * Each runs as a delayed job queued with the write that started it, and acts only if the game is
 * still at that version; a read past a deadline settles it too, so a late job changes nothing.
 */

export type GameDeps = { now: () => Date };
export const gameDeps = (overrides: Partial<GameDeps> = {}): GameDeps => ({
  now: () => new Date(),
  ...overrides,
});

/** The player to move loses on time. */
export async function timeOut(store: Store, game: Game, now: Date): Promise<Game> {
  const loser = game.players[turnIndex(game.moves)];
  const winnerId = game.players.find((p) => p !== loser) ?? null;
  const clocks = game.clocks ? clocksAfterMove(game, allowanceMs(game) ?? 0) : null;
  const ended = await endGame(
    store,
    { ...game, clocks },
    { winnerId, reason: 'timeout', line: [] },
    { now },
  );
  return ended;
}

/**
 * What the timers would have done by now, done when the game is read: an active game whose player
 * to move is past their deadline ends on time; a challenge past its expiry expires.
 */
export async function settle(store: Store, game: Game, deps: GameDeps): Promise<Game> {
  const now = deps.now();
  const deadline = deadlineOf(game);
  const expiry = challengeExpiry(game);
  const due = deadline && now >= deadline ? 'timeout' : expiry && now >= expiry ? 'expiry' : null;
  if (!due) return game;
  try {
    return due === 'timeout' ? await timeOut(store, game, now) : await expire(store, game, now);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'conflict')
      return (await store.getGame({ id: game.id })) ?? game;
    throw error;
  }
}

/**
 * The timer job: ends the game on time only if it is still at the version the timer was set
 * for (a move since moved it on) and the deadline has passed.
 */
export async function runTimeout(
  store: Store,
  { gameId, version }: { gameId: string; version: number },
  deps = gameDeps(),
): Promise<void> {
  const game = await store.getGame({ id: gameId });
  if (!game || game.status !== 'active' || game.version !== version) return;
  const deadline = deadlineOf(game);
  if (!deadline || deps.now() < deadline) return;
  try {
    await timeOut(store, game, deps.now());
  } catch (error) {
    // A move landed between the read and the write: the game goes on.
    if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
  }
}

function expire(store: Store, game: Game, now: Date): Promise<Game> {
  return writeGame(store, game, { status: 'expired', endedAt: now }, { now });
}

/**
 * The challenge's expiry job: a challenge still pending at the version it was queued for, and
 * past its expiry, expires (an accepted or declined one has moved on).
 */
export async function expireChallenge(
  store: Store,
  { gameId, version }: { gameId: string; version: number },
  deps = gameDeps(),
): Promise<void> {
  const game = await store.getGame({ id: gameId });
  if (!game || game.status !== 'pending' || game.version !== version) return;
  const expiry = challengeExpiry(game);
  if (!expiry || deps.now() < expiry) return;
  try {
    await expire(store, game, deps.now());
  } catch (error) {
    // Accepted or declined between the read and the write: that answer stands.
    if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
  }
}
