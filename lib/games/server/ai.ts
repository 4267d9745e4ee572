import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import type { Store } from '@/lib/db/store';

import { turnIndex } from '../clock';
import { chooseMove } from '../engine';
import { gameDeps, makeMove } from './service';

/**
 * Parley AI's move (the `game-ai-move` job, queued with the move that made it its turn): the
 * built-in engine picks a move within its budget and plays it through the same path as a
 * person's move. Does nothing when the game moved on (a retried job, a resignation).
 */
export async function playAiMove(
  store: Store,
  { gameId, version }: { gameId: string; version: number },
  deps = gameDeps(),
): Promise<void> {
  const game = await store.getGame({ id: gameId });
  if (!game || game.status !== 'active' || game.version !== version) return;
  if (game.players[turnIndex(game.moves)] !== ASSISTANT_ID) return;
  const move = chooseMove(game.kind, game.moves, game.aiLevel ?? 'medium');
  try {
    await makeMove(store, ASSISTANT_ID, game, { move, expectedVersion: version }, deps);
  } catch (error) {
    // The game changed while the engine thought (a resignation, the clock): nothing to do.
    if (!(error instanceof ApiError && error.code === 'conflict')) throw error;
  }
}
