import { describe, expect, it } from 'vitest';

import { replay } from '../rules';
import { ticTacToe, type TicTacToeState } from '../rules/tic-tac-toe';
import { chooseMove } from './index';
import { aiLevels } from './types';

describe('tic-tac-toe engine', () => {
  /**
   * Exhaustive: the opponent tries every legal move at every turn of theirs, with the engine
   * moving first and second. Any line where the opponent completes three is a failure.
   */
  function explore(state: TicTacToeState, moves: string[], engineSide: 0 | 1): number {
    const outcome = ticTacToe.outcome(state);
    if (outcome) {
      if (outcome.result === 'win')
        expect(outcome.winner, `lost after ${moves.join(' ')}`).toBe(engineSide);
      return 1;
    }
    if (ticTacToe.turn(state) === engineSide) {
      const move = chooseMove('tictactoe', moves, 'easy');
      const next = ticTacToe.apply(state, move);
      if (!next.ok) throw new Error(next.reason);
      return explore(next.state, [...moves, move], engineSide);
    }
    let games = 0;
    for (const move of ticTacToe.legalMoves(state)) {
      const next = ticTacToe.apply(state, move);
      if (next.ok) games += explore(next.state, [...moves, move], engineSide);
    }
    return games;
  }

  it('never loses, moving first or second, against every line of play', () => {
    const first = explore(ticTacToe.initial(), [], 0);
    const second = explore(ticTacToe.initial(), [], 1);
    expect(first + second).toBeGreaterThan(100);
  });

  it('takes a win over a block', () => {
    // X: 0, 1; O: 3, 4; X to move takes 2.
    expect(chooseMove('tictactoe', ['0', '3', '1', '4'], 'hard')).toBe('2');
  });
});

describe.each(aiLevels)('connect four engine (%s)', (level) => {
  it('takes an immediate win', () => {
    // Red has 3, 3, 3 in column 3; yellow in 4. Red to move wins in column 3.
    const moves = ['3', '4', '3', '4', '3', '5'];
    expect(chooseMove('connect4', moves, level)).toBe('3');
  });
  it('blocks an immediate loss', () => {
    // Yellow threatens column 4 (three stacked); red must drop there.
    const moves = ['0', '4', '6', '4', '0', '4'];
    expect(chooseMove('connect4', moves, level)).toBe('4');
  });
  it('answers within a second from a busy middle game', () => {
    const moves = ['3', '3', '2', '4', '4', '2', '5', '1'];
    const started = performance.now();
    const move = chooseMove('connect4', moves, level);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(replay('connect4', [...moves, move]).ok).toBe(true);
  });
});

describe.each(aiLevels)('chess engine (%s)', (level) => {
  it('finds mate in one (scholar’s mate)', () => {
    const moves = 'e2e4 e7e5 f1c4 b8c6 d1h5 g8f6'.split(' ');
    expect(chooseMove('chess', moves, level)).toBe('h5f7');
  });
  it('finds mate in one for black (fool’s mate)', () => {
    expect(chooseMove('chess', ['f2f3', 'e7e5', 'g2g4'], level)).toBe('d8h4');
  });
  it('answers with a legal move within a second from the opening', () => {
    const started = performance.now();
    const move = chooseMove('chess', ['e2e4'], level);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(replay('chess', ['e2e4', move]).ok).toBe(true);
  });
});
