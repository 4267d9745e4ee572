import type { Outcome, Side } from './types';

/** A board of cells, row-major, each empty or holding a side's piece. */
export type Cells = readonly (Side | null)[];

/** The first line whose cells all hold the same side, as a win; else null. */
export function findLine(cells: Cells, lines: readonly (readonly number[])[]): Outcome | null {
  for (const line of lines) {
    const first = cells[line[0] ?? -1];
    if (first === null || first === undefined) continue;
    if (line.every((i) => cells[i] === first))
      return { result: 'win', winner: first, reason: 'line', line };
  }
  return null;
}

/** Whose turn it is on a board where sides alternate and 0 starts. */
export function turnOf(cells: Cells): Side {
  const placed = cells.filter((c) => c !== null).length;
  return placed % 2 === 0 ? 0 : 1;
}

/** A move string that is a whole number in [0, max), else null. */
export function parseIndex(move: string, max: number): number | null {
  if (!/^\d{1,2}$/.test(move)) return null;
  const n = Number(move);
  return n < max ? n : null;
}
