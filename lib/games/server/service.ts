import 'server-only';

import { ApiError, notFound } from '@/lib/api/errors';
import { ASSISTANT_ID, isAssistant } from '@/lib/assistant/identity';
import { requireMember } from '@/lib/chat/server/access';
import { postSystemMessage } from '@/lib/chat/server/posted-messages';
import type { Game, Store } from '@/lib/db/store';
import type { User } from '@/lib/db/types';

import { clocksAfterMove, deadlineOf, turnIndex } from '../clock';
import { replay, rulesByKind, type Outcome } from '../rules';
import type { CreateGameInput, GameAction, MoveInput } from '../schemas';
import { gameDeps, settle, timeOut } from './timers';
import { challengeJobs, endGame, writeGame } from './write';

// Callers from before the timers had their own module.
export { gameDeps, runTimeout, type GameDeps } from './timers';

/**
 * Games over the store (docs/ARCHITECTURE.md, "Games"). Every action reads the game, decides on
 * that version, and writes conditionally (write.ts): a race or a stale client gets a 409, never a
 * double move. Members of the conversation may read; only players act.
 */

export const DEFAULT_TURN_SECONDS = 60;
export const DEFAULT_CLOCK_SECONDS = 300;

/** A game the caller may see: it exists and they belong to its conversation (else 404). */
export async function requireGameAccess(store: Store, gameId: string, userId: string) {
  const game = await store.getGame({ id: gameId });
  if (!game) throw notFound('That game');
  const membership = await store.getMembership({ conversationId: game.conversationId, userId });
  if (!membership) throw notFound('That game');
  return game;
}

function requirePlayer(game: Game, userId: string): void {
  if (!game.players.includes(userId))
    throw new ApiError('forbidden', 'Only the players can do that in this game.');
}

function requireActive(game: Game): void {
  if (game.status !== 'active')
    throw new ApiError(
      'conflict',
      game.status === 'pending' ? 'The game has not started yet.' : 'The game is over.',
    );
}

/** Starts a game: turn one begins now, with its timer (and Parley AI's move if it starts). */
async function start(store: Store, game: Game, players: string[], now: Date): Promise<Game> {
  return writeGame(store, game, { status: 'active', players, turnStartedAt: now }, { now });
}

export async function createChallenge(
  store: Store,
  user: User,
  conversationId: string,
  input: CreateGameInput,
  deps = gameDeps(),
): Promise<{ game: Game; created: boolean }> {
  const { conversation } = await requireMember(store, conversationId, user.id);
  let invitedId = input.opponentId ?? null;
  if (invitedId === null && conversation.kind === 'direct') {
    const members = await store.listMemberships({ conversationId });
    invitedId = members.find((m) => m.userId !== user.id)?.userId ?? null;
  }
  if (invitedId === user.id) throw new ApiError('forbidden', 'You cannot challenge yourself.');
  if (invitedId && !isAssistant(invitedId)) {
    const member = await store.getMembership({ conversationId, userId: invitedId });
    if (!member) throw new ApiError('forbidden', 'Your opponent must be in this conversation.');
  }
  const ai = isAssistant(invitedId);
  const { game, created } = await store.createGame({
    conversationId,
    kind: input.kind,
    createdBy: user.id,
    invitedId,
    turnMs: input.kind === 'chess' ? null : (input.turnSeconds ?? DEFAULT_TURN_SECONDS) * 1000,
    clocks:
      input.kind === 'chess'
        ? Array<number>(2).fill((input.clockSeconds ?? DEFAULT_CLOCK_SECONDS) * 1000)
        : null,
    aiLevel: ai ? (input.aiLevel ?? 'medium') : null,
    rematchOf: null,
    dedupeKey: input.clientId ?? null,
  });
  if (!created) return { game, created };
  const carded = await postCard(store, game, deps.now());
  // Parley AI accepts at once; the challenger moves first.
  if (ai) return { game: await start(store, carded, [user.id, ASSISTANT_ID], deps.now()), created };
  return { game: carded, created };
}

/**
 * Posts the game card, then records its id (where the game's notifications lead) with what the
 * challenge starts in the same write: its expiry and the notice to the person challenged.
 */
async function postCard(store: Store, game: Game, now: Date): Promise<Game> {
  const card = await postSystemMessage(store, game.conversationId, {
    type: 'game',
    actorId: game.createdBy,
    gameId: game.id,
    kind: game.kind,
    invitedId: game.invitedId,
  });
  try {
    return await writeGame(
      store,
      game,
      { cardMessageId: card.id },
      { now, jobs: challengeJobs(game, game.version + 1, now) },
    );
  } catch (error) {
    // Answered in the moment between the card going live and this write: the answer stands and
    // needs no expiry or notice; the game's later notices lead to the conversation instead.
    if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
    return (await store.getGame({ id: game.id })) ?? game;
  }
}

/** Accept (the challenged person), join (anyone, open challenges), decline, resign, draws. */
export async function actOnGame(
  store: Store,
  user: User,
  gameId: string,
  action: GameAction,
  deps = gameDeps(),
): Promise<Game> {
  const game = await settle(store, await requireGameAccess(store, gameId, user.id), deps);
  const now = deps.now();
  switch (action) {
    case 'accept':
    case 'join': {
      // A retried accept answers the game it started.
      if (game.status === 'active' && game.players.includes(user.id)) return game;
      if (game.status !== 'pending') throw new ApiError('conflict', 'This challenge is closed.');
      if (game.createdBy === user.id)
        throw new ApiError('conflict', 'This is your challenge; wait for an opponent.');
      if (game.invitedId !== null && game.invitedId !== user.id)
        throw new ApiError('forbidden', 'This challenge is for someone else.');
      return start(store, game, await playerOrder(store, game, user.id), now);
    }
    case 'decline': {
      if (game.status === 'declined') return game;
      if (game.status !== 'pending') throw new ApiError('conflict', 'This challenge is closed.');
      // The challenger may withdraw; the challenged person may decline; others may not.
      if (game.createdBy !== user.id && game.invitedId !== user.id)
        throw new ApiError('forbidden', 'This challenge is for someone else.');
      return writeGame(store, game, { status: 'declined', endedAt: now }, { now });
    }
    case 'resign': {
      if (game.status === 'ended' && game.result?.reason === 'resign') return game;
      requirePlayer(game, user.id);
      requireActive(game);
      const winnerId = game.players.find((p) => p !== user.id) ?? null;
      return endGame(store, game, { winnerId, reason: 'resign', line: [] }, { now });
    }
    case 'offer-draw': {
      requirePlayer(game, user.id);
      requireActive(game);
      if (game.drawOfferedBy === user.id) return game;
      return writeGame(store, game, { drawOfferedBy: user.id }, { now });
    }
    case 'accept-draw': {
      requirePlayer(game, user.id);
      requireActive(game);
      if (!game.drawOfferedBy || game.drawOfferedBy === user.id)
        throw new ApiError('conflict', 'There is no draw offer from your opponent.');
      return endGame(store, game, { winnerId: null, reason: 'agreed', line: [] }, { now });
    }
  }
}

/** Who starts: the challenger, except in a rematch, where the previous second player does. */
async function playerOrder(store: Store, game: Game, acceptor: string): Promise<string[]> {
  const previous = game.rematchOf ? await store.getGame({ id: game.rematchOf }) : null;
  if (previous?.players.length === 2 && previous.players.includes(acceptor))
    return [previous.players[1]!, previous.players[0]!];
  return [game.createdBy, acceptor];
}

function resultOf(
  game: Game,
  outcome: Outcome,
): { winnerId: string | null; reason: Outcome['reason']; line: (number | string)[] } {
  if (outcome.result === 'draw') return { winnerId: null, reason: outcome.reason, line: [] };
  return {
    winnerId: game.players[outcome.winner] ?? null,
    reason: outcome.reason,
    line: [...outcome.line],
  };
}

/**
 * A move by `userId` (a person, or Parley AI through the job) on the version they saw. The same
 * move retried after it landed answers the game again (idempotent); any other stale version is
 * a 409, an illegal move a 422 that says why.
 */
export async function makeMove(
  store: Store,
  userId: string,
  game: Game,
  input: MoveInput,
  deps = gameDeps(),
): Promise<Game> {
  requirePlayer(game, userId);
  const last = game.moves.length - 1;
  if (
    game.version === input.expectedVersion + 1 &&
    game.moves[last] === input.move &&
    game.players[turnIndex(game.moves.slice(0, last))] === userId
  )
    return game;
  requireActive(game);
  if (game.version !== input.expectedVersion)
    throw new ApiError('conflict', 'The game changed meanwhile; reload it and try again.');
  if (game.players[turnIndex(game.moves)] !== userId)
    throw new ApiError('conflict', 'It is not your turn.');
  const now = deps.now();
  const deadline = deadlineOf(game);
  if (deadline && now >= deadline) {
    await timeOut(store, game, now);
    throw new ApiError('conflict', 'Your time ran out.');
  }
  const rules = rulesByKind[game.kind];
  const position = replay(game.kind, game.moves);
  if (!position.ok) throw new Error(`game ${game.id} does not replay: ${position.reason}`);
  const next = rules.apply(position.state, input.move);
  if (!next.ok) throw new ApiError('validation_failed', next.reason);
  const moves = [...game.moves, input.move];
  const outcome = rules.outcome(next.state);
  if (outcome) return endGame(store, game, resultOf(game, outcome), { now, moves });
  if (moves.length >= rules.moveLimit)
    return endGame(store, game, { winnerId: null, reason: 'move-limit', line: [] }, { now, moves });
  const elapsed = game.turnStartedAt ? now.getTime() - game.turnStartedAt.getTime() : 0;
  return writeGame(
    store,
    game,
    {
      moves,
      turnStartedAt: now,
      clocks: clocksAfterMove(game, elapsed),
      // A move answers a pending draw offer: it is declined.
      drawOfferedBy: null,
    },
    { now },
  );
}

export async function getGameFor(store: Store, user: User, gameId: string, deps = gameDeps()) {
  return settle(store, await requireGameAccess(store, gameId, user.id), deps);
}

export async function rematch(
  store: Store,
  user: User,
  gameId: string,
  deps = gameDeps(),
): Promise<{ game: Game; created: boolean }> {
  const game = await requireGameAccess(store, gameId, user.id);
  requirePlayer(game, user.id);
  if (game.status !== 'ended') throw new ApiError('conflict', 'The game has not ended.');
  const opponent = game.players.find((p) => p !== user.id)!;
  const { game: next, created } = await store.createGame({
    conversationId: game.conversationId,
    kind: game.kind,
    createdBy: user.id,
    invitedId: opponent,
    turnMs: game.turnMs,
    // The same clock as the game before (games from before migration 13: the default).
    clocks: game.clocks
      ? game.clocks.map(() => game.clockStartMs ?? DEFAULT_CLOCK_SECONDS * 1000)
      : null,
    aiLevel: game.aiLevel,
    rematchOf: game.id,
    dedupeKey: `rematch:${game.id}`,
  });
  if (!created) return { game: next, created };
  const carded = await postCard(store, next, deps.now());
  if (isAssistant(opponent))
    return {
      game: await start(store, carded, [game.players[1]!, game.players[0]!], deps.now()),
      created,
    };
  return { game: carded, created };
}
