import { Chess } from 'chess.js';

import { replay, type GameKind } from '../rules';
import type { ChessState } from '../rules/chess';
import type { ConnectFourState } from '../rules/connect-four';
import type { TicTacToeState } from '../rules/tic-tac-toe';
import { bestChessMove } from './chess';
import { bestConnectFourMove } from './connect-four';
import { bestTicTacToeMove } from './tic-tac-toe';
import type { AiLevel } from './types';

export { aiLevels, type AiLevel } from './types';

/** Parley AI's thinking time: it answers "within a second" with room for the request around it. */
export const ENGINE_BUDGET_MS = 700;

/**
 * Parley AI's move in a position given as the moves so far. Pure apart from the clock: the
 * engine returns the best move of the deepest search it finished before the budget ran out.
 */
export function chooseMove(
  kind: GameKind,
  moves: readonly string[],
  level: AiLevel,
  { budgetMs = ENGINE_BUDGET_MS, now = () => performance.now() } = {},
): string {
  const budget = { deadline: now() + budgetMs, now };
  const position = replay(kind, moves);
  if (!position.ok) throw new Error(`cannot replay the game: ${position.reason}`);
  switch (kind) {
    case 'tictactoe':
      return bestTicTacToeMove(position.state as TicTacToeState);
    case 'connect4':
      return bestConnectFourMove((position.state as ConnectFourState).cells, level, budget);
    case 'chess': {
      // A private board: the search moves and undoes on it.
      const board = new Chess();
      for (const m of (position.state as ChessState).moves)
        board.move({ from: m.slice(0, 2), to: m.slice(2, 4), promotion: m[4] });
      return bestChessMove(board, level, budget);
    }
  }
}
