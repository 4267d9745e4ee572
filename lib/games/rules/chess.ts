import { Chess, type Square } from 'chess.js';

import type { GameRules, Outcome } from './types';

/**
 * Chess over chess.js: the state is the list of moves in UCI ("e2e4", "e7e8q") from the standard
 * start, because threefold repetition needs the history, which a FEN alone does not carry.
 */
export type ChessState = { readonly moves: readonly string[] };

const uciPattern = /^([a-h][1-8])([a-h][1-8])([qrbn])?$/;

/**
 * The chess.js board for a state. Replaying is O(moves), so the board of the latest state is
 * memoised and handed on to the next state by apply(): sequential play costs one move each.
 */
const boards = new WeakMap<ChessState, Chess>();

export function chessBoard(state: ChessState): Chess {
  const cached = boards.get(state);
  if (cached) return cached;
  const chess = new Chess();
  for (const m of state.moves) chess.move(toMoveObject(m));
  boards.set(state, chess);
  return chess;
}

function toMoveObject(uci: string): { from: string; to: string; promotion?: string } {
  const m = uciPattern.exec(uci);
  if (!m) throw new Error(`not a UCI move: ${uci}`);
  return { from: m[1]!, to: m[2]!, ...(m[3] ? { promotion: m[3] } : {}) };
}

export function uciOf(move: { from: string; to: string; promotion?: string }): string {
  return `${move.from}${move.to}${move.promotion ?? ''}`;
}

function kingSquare(chess: Chess, color: 'w' | 'b'): Square | null {
  for (const row of chess.board())
    for (const piece of row) if (piece?.type === 'k' && piece.color === color) return piece.square;
  return null;
}

export function chessOutcome(chess: Chess): Outcome | null {
  if (chess.isCheckmate()) {
    const loser = chess.turn();
    return {
      result: 'win',
      winner: loser === 'w' ? 1 : 0,
      reason: 'checkmate',
      line: [kingSquare(chess, loser) ?? ''],
    };
  }
  if (chess.isStalemate()) return { result: 'draw', reason: 'stalemate' };
  if (chess.isInsufficientMaterial()) return { result: 'draw', reason: 'insufficient-material' };
  if (chess.isThreefoldRepetition()) return { result: 'draw', reason: 'threefold-repetition' };
  if (chess.isDrawByFiftyMoves()) return { result: 'draw', reason: 'fifty-moves' };
  return null;
}

export const chess: GameRules<ChessState> = {
  kind: 'chess',
  name: 'Chess',
  description: 'The classic, with a clock: 5 minutes each by default.',
  moveLimit: 600,
  initial: () => ({ moves: [] }),
  turn: (state) => (state.moves.length % 2 === 0 ? 0 : 1),
  legalMoves(state) {
    const board = chessBoard(state);
    if (chessOutcome(board)) return [];
    return board.moves({ verbose: true }).map(uciOf);
  },
  apply(state, move) {
    const board = chessBoard(state);
    if (chessOutcome(board)) return { ok: false, reason: 'The game is over.' };
    const m = uciPattern.exec(move);
    if (!m) return { ok: false, reason: 'A move is in UCI form, e.g. "e2e4" or "e7e8q".' };
    const from = m[1] as Square;
    const piece = board.get(from);
    if (!piece) return { ok: false, reason: `There is no piece on ${from}.` };
    if (piece.color !== board.turn())
      return { ok: false, reason: `The piece on ${from} is not yours.` };
    const legal = board.moves({ verbose: true, square: from });
    const target = legal.filter((l) => l.to === m[2]);
    if (target.length === 0)
      return {
        ok: false,
        reason: board.inCheck()
          ? `${from}–${m[2]} is not legal: your king is in check.`
          : `${from}–${m[2]} is not a legal move.`,
      };
    const needsPromotion = target.some((t) => t.promotion);
    if (needsPromotion && !m[3])
      return { ok: false, reason: 'A pawn reaching the last rank needs a piece: q, r, b or n.' };
    if (!needsPromotion && m[3])
      return { ok: false, reason: 'Only a pawn on the last rank promotes.' };
    // The board moves on with the new state; the old state replays if it is asked again.
    boards.delete(state);
    board.move(toMoveObject(move));
    const next: ChessState = { moves: [...state.moves, move] };
    boards.set(next, board);
    return { ok: true, state: next };
  },
  outcome: (state) => chessOutcome(chessBoard(state)),
};
