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

type GameAt = { gameId: string; version: number };

/**
 * A timer job: acts only if the game is still in `status` at the version the timer was set for
 * (a move, an answer since moved it on) and its due time has passed. A write that loses a race
 * to a move or an answer is that move or answer standing: not an error.
 */
async function runTimer(
  store: Store,
  { gameId, version }: GameAt,
  now: Date,
  timer: {
    status: Game['status'];
    dueOf: (game: Game) => Date | null;
    act: (store: Store, game: Game, now: Date) => Promise<Game>;
  },
): Promise<void> {
  const game = await store.getGame({ id: gameId });
  if (!game || game.status !== timer.status || game.version !== version) return;
  const due = timer.dueOf(game);
  if (!due || now < due) return;
  try {
    await timer.act(store, game, now);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
  }
}

function expire(store: Store, game: Game, now: Date): Promise<Game> {
  return writeGame(store, game, { status: 'expired', endedAt: now }, { now });
}

/** The `game-timeout` job: the player to move loses on time if nobody moved since. */
export const runTimeout = (store: Store, payload: GameAt, deps = gameDeps()) =>
  runTimer(store, payload, deps.now(), { status: 'active', dueOf: deadlineOf, act: timeOut });

/** The `game-challenge-expiry` job: a challenge still unanswered at its expiry expires. */
export const expireChallenge = (store: Store, payload: GameAt, deps = gameDeps()) =>
  runTimer(store, payload, deps.now(), {
    status: 'pending',
    dueOf: challengeExpiry,
    act: expire,
  });
