import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { isAssistant } from '@/lib/assistant/identity';
import { announce } from '@/lib/chat/server/events';
import { postSystemMessage } from '@/lib/chat/server/posted-messages';
import type { Store } from '@/lib/db/store';
import { INITIAL_RATING } from '@/lib/db/ports/games';
import type { Game, GamePatch, GameResult, GameStatUpdate } from '@/lib/db/store';
import type { NewJob } from '@/lib/db/types';
import { dispatchQueued, newJob } from '@/lib/jobs/outbox';

import { challengeExpiry, deadlineOf, turnIndex } from '../clock';
import { nextRatings } from '../elo';
import { toGameWire } from './present';

/**
 * Every game write goes through here: conditional on the version it was decided on, with its
 * follow-up jobs (the next turn's timer, Parley AI's move) in the same transaction, then
 * published as `game.updated` to the conversation's members. A write that does not land (the
 * game moved meanwhile) is a 409: nothing was done twice.
 */
export async function writeGame(
  store: Store,
  game: Game,
  set: GamePatch,
  { now, stats, jobs = [] }: { now: Date; stats?: GameStatUpdate[]; jobs?: NewJob[] },
): Promise<Game> {
  const next = { ...game, ...set, version: game.version + 1 };
  const followUps = [...jobs, ...turnJobs(next, now)];
  const written = await store.updateGame({
    id: game.id,
    expectedVersion: game.version,
    set,
    stats,
    jobs: followUps,
  });
  if (!written) throw new ApiError('not_found', 'That game was not found.');
  if (!written.updated)
    throw new ApiError('conflict', 'The game changed meanwhile; reload it and try again.');
  await dispatchQueued(written.queued);
  await publishGame(store, written.game);
  return written.game;
}

export async function publishGame(store: Store, game: Game): Promise<void> {
  await announce(store, game.conversationId, [
    { type: 'game.updated', conversationId: game.conversationId, game: toGameWire(game) },
  ]);
}

/**
 * The timer for the turn starting at this version, and the move it asks for: Parley AI's, or a
 * person's "Your move" notice (sent only if they are away when it runs).
 */
function turnJobs(game: Game, now: Date): NewJob[] {
  if (game.status !== 'active') return [];
  const jobs: NewJob[] = [];
  const deadline = deadlineOf(game);
  const payload = { gameId: game.id, version: game.version };
  const mover = game.players[turnIndex(game.moves)];
  if (deadline)
    jobs.push(
      newJob('game-timeout', payload, {
        dedupeId: `game-timeout:${game.id}:${game.version}`,
        delayMs: deadline.getTime() - now.getTime(),
        now,
      }),
    );
  if (isAssistant(mover))
    jobs.push(
      newJob('game-ai-move', payload, { dedupeId: `game-ai-move:${game.id}:${game.version}` }),
    );
  else if (mover)
    jobs.push(
      newJob('notify-game', payload, { dedupeId: `notify-game:${game.id}:${game.version}` }),
    );
  return jobs;
}

/**
 * What a challenge starts, written with its card's id (the outbox): its expiry, and the notice
 * to the person challenged. Parley AI answers at once; an open challenge notifies nobody.
 */
export function challengeJobs(game: Game, version: number, now: Date): NewJob[] {
  if (isAssistant(game.invitedId)) return [];
  const payload = { gameId: game.id, version };
  const jobs = [
    newJob('game-challenge-expiry', payload, {
      dedupeId: `game-challenge-expiry:${game.id}`,
      delayMs: (challengeExpiry(game)?.getTime() ?? now.getTime()) - now.getTime(),
      now,
    }),
  ];
  if (game.invitedId)
    jobs.push(newJob('notify-game', payload, { dedupeId: `notify-game:${game.id}:${version}` }));
  return jobs;
}

/**
 * Ends an active game with `result`: stats and ratings with the end, then the system message
 * ("Ben won Connect Four against Ana in 23 moves") once the end has landed.
 */
export async function endGame(
  store: Store,
  game: Game,
  result: GameResult,
  { now, moves = game.moves }: { now: Date; moves?: string[] },
): Promise<Game> {
  const [first, second] = game.players as [string, string];
  const stats = await store.getGameStats({ userIds: [first, second] });
  const rating = (userId: string) =>
    stats.find((s) => s.userId === userId && s.kind === game.kind)?.rating ?? INITIAL_RATING;
  const score = result.winnerId === null ? 0.5 : result.winnerId === first ? 1 : 0;
  const [a, b] = nextRatings(rating(first), rating(second), score);
  const outcomeOf = (s: number) => (s === 0.5 ? 'draw' : s === 1 ? 'win' : 'loss');
  const ended = await writeGame(
    store,
    game,
    { status: 'ended', moves, result, endedAt: now, drawOfferedBy: null },
    {
      now,
      stats: [
        { userId: first, kind: game.kind, result: outcomeOf(score), rating: a },
        { userId: second, kind: game.kind, result: outcomeOf(1 - score), rating: b },
      ],
    },
  );
  const winner = result.winnerId ?? first;
  await postSystemMessage(store, game.conversationId, {
    type: 'game.ended',
    actorId: winner,
    gameId: game.id,
    kind: game.kind,
    opponentId: winner === first ? second : first,
    draw: result.winnerId === null,
    reason: result.reason,
    moves: moves.length,
  });
  return ended;
}
