import { findLine, parseIndex, turnOf, type Cells } from './grid';
import type { GameRules, Side } from './types';

export const ROWS = 6;
export const COLUMNS = 7;

/** Cells row-major, row 0 at the top: index = row * 7 + column. Pieces fall to the lowest row. */
export type ConnectFourState = { cells: Cells };

/** Every run of four: horizontal, vertical and both diagonals. */
const lines: number[][] = (() => {
  const out: number[][] = [];
  const at = (r: number, c: number) => r * COLUMNS + c;
  for (let r = 0; r < ROWS; r++)
    for (let c = 0; c < COLUMNS; c++)
      for (const [dr, dc] of [
        [0, 1],
        [1, 0],
        [1, 1],
        [1, -1],
      ] as const) {
        const endR = r + 3 * dr;
        const endC = c + 3 * dc;
        if (endR < 0 || endR >= ROWS || endC < 0 || endC >= COLUMNS) continue;
        out.push([0, 1, 2, 3].map((k) => at(r + k * dr, c + k * dc)));
      }
  return out;
})();
export const connectFourLines: readonly (readonly number[])[] = lines;

/** The row a piece dropped in `column` lands on, or null when the column is full. */
export function landingRow(cells: Cells, column: number): number | null {
  for (let r = ROWS - 1; r >= 0; r--) if (cells[r * COLUMNS + column] === null) return r;
  return null;
}

export function dropPiece(cells: Cells, column: number, side: Side): Cells | null {
  const row = landingRow(cells, column);
  if (row === null) return null;
  const next = cells.slice();
  next[row * COLUMNS + column] = side;
  return next;
}

export const connectFour: GameRules<ConnectFourState> = {
  kind: 'connect4',
  name: 'Connect Four',
  description: 'Drop discs into a 7-column grid; four in a row in any direction wins.',
  moveLimit: ROWS * COLUMNS,
  initial: () => ({ cells: Array<null>(ROWS * COLUMNS).fill(null) }),
  turn: (state) => turnOf(state.cells),
  legalMoves(state) {
    if (this.outcome(state)) return [];
    const out: string[] = [];
    for (let c = 0; c < COLUMNS; c++) if (state.cells[c] === null) out.push(String(c));
    return out;
  },
  apply(state, move) {
    if (this.outcome(state)) return { ok: false, reason: 'The game is over.' };
    const column = parseIndex(move, COLUMNS);
    if (column === null) return { ok: false, reason: 'A move is a column number from 0 to 6.' };
    const cells = dropPiece(state.cells, column, turnOf(state.cells));
    if (!cells) return { ok: false, reason: 'That column is full.' };
    return { ok: true, state: { cells } };
  },
  outcome(state) {
    const won = findLine(state.cells, lines);
    if (won) return won;
    return state.cells.every((c) => c !== null) ? { result: 'draw', reason: 'board-full' } : null;
  },
};
