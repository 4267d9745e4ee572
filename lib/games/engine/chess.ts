import type { Chess } from 'chess.js';

import { uciOf } from '../rules/chess';
import { checkTime, OutOfTime, type AiLevel, type Budget } from './types';

const depthByLevel: Record<AiLevel, number> = { easy: 1, medium: 2, hard: 3 };
const values: Record<string, number> = { p: 100, n: 320, b: 330, r: 500, q: 900, k: 0 };
const MATE = 100_000;

/** Material, plus a little for central squares, from the side to move's point of view. */
function evaluate(chess: Chess): number {
  let score = 0;
  const board = chess.board();
  for (let r = 0; r < 8; r++)
    for (let c = 0; c < 8; c++) {
      const p = board[r]![c];
      if (!p) continue;
      const centre = p.type === 'k' ? 0 : 6 - (Math.abs(3.5 - r) + Math.abs(3.5 - c));
      const v = values[p.type]! + centre * 3;
      score += p.color === 'w' ? v : -v;
    }
  return chess.turn() === 'w' ? score : -score;
}

function negamax(
  chess: Chess,
  depth: number,
  ply: number,
  alpha: number,
  beta: number,
  budget: Budget,
): number {
  checkTime(budget);
  const moves = chess.moves({ verbose: true });
  if (moves.length === 0) return chess.inCheck() ? -MATE + ply : 0;
  if (chess.isDraw()) return 0;
  if (depth === 0) return evaluate(chess);
  // Captures first: alpha-beta cuts more.
  moves.sort(
    (a, b) => (b.captured ? values[b.captured]! : 0) - (a.captured ? values[a.captured]! : 0),
  );
  let best = -Infinity;
  for (const move of moves) {
    chess.move(move);
    let score: number;
    try {
      score = -negamax(chess, depth - 1, ply + 1, -beta, -alpha, budget);
    } finally {
      chess.undo();
    }
    if (score > best) best = score;
    if (best > alpha) alpha = best;
    if (alpha >= beta) break;
  }
  return best;
}

/**
 * Alpha-beta over chess.js (move/undo on one board), deepening to the level's depth within the
 * budget. A mate in one scores MATE at depth 1, so every level takes it.
 */
export function bestChessMove(chess: Chess, level: AiLevel, budget: Budget): string {
  const moves = chess.moves({ verbose: true });
  if (moves.length === 0) throw new Error('no legal move');
  let chosen = uciOf(moves[0]!);
  for (let depth = 1; depth <= depthByLevel[level]; depth++) {
    let best = -Infinity;
    let bestMove = chosen;
    try {
      for (const move of moves) {
        chess.move(move);
        let score: number;
        try {
          score = -negamax(chess, depth - 1, 1, -Infinity, -best, budget);
        } finally {
          chess.undo();
        }
        if (score > best) {
          best = score;
          bestMove = uciOf(move);
        }
      }
    } catch (error) {
      if (error instanceof OutOfTime) break;
      throw error;
    }
    chosen = bestMove;
    if (best >= MATE - 10) break;
  }
  return chosen;
}
