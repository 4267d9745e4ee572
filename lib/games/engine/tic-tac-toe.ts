import { ticTacToe, type TicTacToeState } from '../rules/tic-tac-toe';

/** Perfect play: full minimax (the tree is tiny), preferring quicker wins and slower losses. */
export function bestTicTacToeMove(state: TicTacToeState): string {
  let best: { move: string; score: number } | null = null;
  for (const move of ticTacToe.legalMoves(state)) {
    const next = ticTacToe.apply(state, move);
    if (!next.ok) continue;
    const score = -negamax(next.state, 1);
    if (!best || score > best.score) best = { move, score };
  }
  if (!best) throw new Error('no legal move');
  return best.move;
}

/** Score for the side to move: +(10 - depth) for a win, 0 for a draw. */
function negamax(state: TicTacToeState, depth: number): number {
  const outcome = ticTacToe.outcome(state);
  // The side that just moved made the line: a loss for the side to move.
  if (outcome) return outcome.result === 'win' ? -(10 - depth) : 0;
  let best = -Infinity;
  for (const move of ticTacToe.legalMoves(state)) {
    const next = ticTacToe.apply(state, move);
    if (next.ok) best = Math.max(best, -negamax(next.state, depth + 1));
  }
  return best;
}
