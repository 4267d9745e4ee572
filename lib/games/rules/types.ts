/**
 * One interface every game's rules implement: pure functions over an immutable state, shared by
 * the server (which decides what is legal) and the browser (which shows legal targets). Moves are
 * short strings so the REST body, the store and bots use one format per game:
 * tic-tac-toe a cell index "0".."8", Connect Four a column "0".."6", chess UCI ("e2e4", "e7e8q").
 */

export const gameKinds = ['tictactoe', 'connect4', 'chess'] as const;
export type GameKind = (typeof gameKinds)[number];

/** The player to move: 0 moves first (X, red, white), 1 second. */
export type Side = 0 | 1;

export type Outcome =
  | {
      result: 'win';
      winner: Side;
      reason: 'line' | 'checkmate';
      /** The winning line: cell indices (tic-tac-toe, Connect Four) or the mated king's square. */
      line: readonly (number | string)[];
    }
  | {
      result: 'draw';
      reason:
        | 'board-full'
        | 'stalemate'
        | 'threefold-repetition'
        | 'insufficient-material'
        | 'fifty-moves';
    };

export type ApplyResult<S> = { ok: true; state: S } | { ok: false; reason: string };

export interface GameRules<S> {
  readonly kind: GameKind;
  readonly name: string;
  readonly description: string;
  /** A game this long is stopped as a draw by the service (and by property tests). */
  readonly moveLimit: number;
  initial(): S;
  turn(state: S): Side;
  /** Every legal move in the position; empty once the game is over. */
  legalMoves(state: S): string[];
  /** The state after `move`, or why it is illegal (a sentence for the 422). */
  apply(state: S, move: string): ApplyResult<S>;
  /** Null while the game goes on. */
  outcome(state: S): Outcome | null;
}
