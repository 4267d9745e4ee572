import { chess } from './chess';
import { connectFour } from './connect-four';
import { ticTacToe } from './tic-tac-toe';
import type { ApplyResult, GameKind, GameRules } from './types';

export * from './types';

/** Every game's rules by kind. The state type is opaque to generic callers (the service). */
export const rulesByKind: Record<GameKind, GameRules<unknown>> = {
  tictactoe: ticTacToe,
  connect4: connectFour,
  chess: chess,
};

/** The state after playing `moves` from the start; the first illegal move's reason otherwise. */
export function replay(kind: GameKind, moves: readonly string[]): ApplyResult<unknown> {
  const rules = rulesByKind[kind];
  let state = rules.initial();
  for (const move of moves) {
    const next = rules.apply(state, move);
    if (!next.ok) return next;
    state = next.state;
  }
  return { ok: true, state };
}
