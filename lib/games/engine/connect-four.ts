import { findLine, turnOf, type Cells } from '../rules/grid';
import { COLUMNS, connectFourLines, dropPiece, ROWS } from '../rules/connect-four';
import type { Side } from '../rules/types';
import { checkTime, OutOfTime, type AiLevel, type Budget } from './types';

const depthByLevel: Record<AiLevel, number> = { easy: 2, medium: 5, hard: 8 };
/** Centre columns first: alpha-beta cuts more, and ties go to the stronger square. */
const order = [3, 2, 4, 1, 5, 0, 6];
const WIN = 1_000_000;

/** A window of four scored for `side`: more of its own pieces and none of the other's is better. */
function heuristic(cells: Cells, side: Side): number {
  let score = 0;
  for (let r = 0; r < ROWS; r++) if (cells[r * COLUMNS + 3] === side) score += 3;
  for (const line of connectFourLines) {
    let mine = 0;
    let theirs = 0;
    for (const i of line) {
      const c = cells[i];
      if (c === side) mine++;
      else if (c !== null) theirs++;
    }
    if (theirs === 0) score += mine === 3 ? 50 : mine === 2 ? 10 : 0;
    else if (mine === 0) score -= theirs === 3 ? 80 : theirs === 2 ? 10 : 0;
  }
  return score;
}

function negamax(cells: Cells, depth: number, alpha: number, beta: number, budget: Budget): number {
  checkTime(budget);
  const side = turnOf(cells);
  if (findLine(cells, connectFourLines)) return -WIN - depth; // the previous move won
  if (cells.every((c) => c !== null)) return 0;
  if (depth === 0) return heuristic(cells, side);
  let best = -Infinity;
  for (const column of order) {
    const next = dropPiece(cells, column, side);
    if (!next) continue;
    const score = -negamax(next, depth - 1, -beta, -alpha, budget);
    if (score > best) best = score;
    if (best > alpha) alpha = best;
    if (alpha >= beta) break;
  }
  return best;
}

function searchRoot(cells: Cells, depth: number, budget: Budget): string {
  const side = turnOf(cells);
  let best: { column: number; score: number } | null = null;
  for (const column of order) {
    const next = dropPiece(cells, column, side);
    if (!next) continue;
    const score = -negamax(next, depth - 1, -Infinity, Infinity, budget);
    if (!best || score > best.score) best = { column, score };
  }
  if (!best) throw new Error('no legal move');
  return String(best.column);
}

/**
 * Iterative deepening up to the level's depth, within the budget. An immediate win is taken and
 * an immediate loss blocked at every level (depth 2 sees both; the checks make it explicit).
 */
export function bestConnectFourMove(cells: Cells, level: AiLevel, budget: Budget): string {
  const side = turnOf(cells);
  const other: Side = side === 0 ? 1 : 0;
  for (const column of order) {
    const next = dropPiece(cells, column, side);
    if (next && findLine(next, connectFourLines)) return String(column);
  }
  for (const column of order) {
    const theirs = dropPiece(cells, column, other);
    if (theirs && findLine(theirs, connectFourLines)) return String(column);
  }
  let chosen: string | null = null;
  for (let depth = 1; depth <= depthByLevel[level]; depth++) {
    try {
      chosen = searchRoot(cells, depth, budget);
    } catch (error) {
      if (error instanceof OutOfTime) break;
      throw error;
    }
  }
  return chosen ?? String(order.find((c) => cells[c] === null));
}
