import { findLine, parseIndex, turnOf, type Cells } from './grid';
import type { GameRules } from './types';

/** Cells 0..8, row-major: row = floor(i / 3), column = i % 3. */
export type TicTacToeState = { cells: Cells };

const lines: number[][] = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [0, 3, 6],
  [1, 4, 7],
  [2, 5, 8],
  [0, 4, 8],
  [2, 4, 6],
];

export const ticTacToe: GameRules<TicTacToeState> = {
  kind: 'tictactoe',
  name: 'Tic-tac-toe',
  description: 'Three in a row on a 3×3 grid. Quick, and a draw with best play.',
  moveLimit: 9,
  initial: () => ({ cells: Array<null>(9).fill(null) }),
  turn: (state) => turnOf(state.cells),
  legalMoves(state) {
    if (this.outcome(state)) return [];
    return state.cells.flatMap((c, i) => (c === null ? [String(i)] : []));
  },
  apply(state, move) {
    if (this.outcome(state)) return { ok: false, reason: 'The game is over.' };
    const i = parseIndex(move, 9);
    if (i === null) return { ok: false, reason: 'A move is a cell number from 0 to 8.' };
    if (state.cells[i] !== null) return { ok: false, reason: 'That cell is taken.' };
    const cells = state.cells.slice();
    cells[i] = turnOf(state.cells);
    return { ok: true, state: { cells } };
  },
  outcome(state) {
    const won = findLine(state.cells, lines);
    if (won) return won;
    return state.cells.every((c) => c !== null) ? { result: 'draw', reason: 'board-full' } : null;
  },
};
