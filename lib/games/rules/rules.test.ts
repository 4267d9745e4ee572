import { describe, expect, it } from 'vitest';

import { chess, chessBoard } from './chess';
import { connectFour } from './connect-four';
import { replay, rulesByKind } from './index';
import { ticTacToe } from './tic-tac-toe';
import { gameKinds, type GameRules } from './types';

/** A small seeded PRNG (mulberry32), so a failing random game can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomGame(rules: GameRules<unknown>, seed: number, limit = rules.moveLimit) {
  const rnd = random(seed);
  let state = rules.initial();
  const moves: string[] = [];
  while (moves.length < limit) {
    const legal = rules.legalMoves(state);
    if (legal.length === 0) break;
    const move = legal[Math.floor(rnd() * legal.length)]!;
    const next = rules.apply(state, move);
    if (!next.ok) throw new Error(`legal move ${move} refused: ${next.reason} (seed ${seed})`);
    state = next.state;
    moves.push(move);
  }
  return { state, moves };
}

describe.each(gameKinds)('random legal play (%s)', (kind) => {
  const rules = rulesByKind[kind];
  // Chess is slow to play at random (chess.js generates every move twice a ply): fewer, shorter.
  const games = kind === 'chess' ? 3 : 200;
  const limit = kind === 'chess' ? 160 : rules.moveLimit;
  it(`always ends in a win, a draw or the move limit (${games} seeded games)`, () => {
    for (let seed = 1; seed <= games; seed++) {
      const { state, moves } = randomGame(rules, seed, limit);
      const outcome = rules.outcome(state);
      if (!outcome) expect(moves.length).toBe(limit);
      else expect(rules.legalMoves(state)).toEqual([]);
      // The moves replay to the same position: every one was legal from the start.
      const again = replay(kind, moves);
      expect(again.ok).toBe(true);
      if (again.ok) expect(rules.outcome(again.state)).toEqual(outcome);
    }
  });
});

describe('tic-tac-toe', () => {
  const play = (...moves: number[]) => replay('tictactoe', moves.map(String));
  it('finds the winning line and the winner', () => {
    const r = play(0, 3, 1, 4, 2);
    expect(r.ok && ticTacToe.outcome(r.state as never)).toEqual({
      result: 'win',
      winner: 0,
      reason: 'line',
      line: [0, 1, 2],
    });
  });
  it('a full board without a line is a draw', () => {
    const r = play(0, 1, 2, 4, 3, 5, 7, 6, 8);
    expect(r.ok && ticTacToe.outcome(r.state as never)).toEqual({
      result: 'draw',
      reason: 'board-full',
    });
  });
  it.each([
    [['4', '4'], 'That cell is taken.'],
    [['9'], 'A move is a cell number from 0 to 8.'],
    [['x'], 'A move is a cell number from 0 to 8.'],
    [['0', '3', '1', '4', '2', '5'], 'The game is over.'],
  ])('refuses %j: %s', (moves, reason) => {
    expect(replay('tictactoe', moves)).toEqual({ ok: false, reason });
  });
});

describe('connect four', () => {
  it('pieces stack and four in a column wins', () => {
    const r = replay('connect4', ['3', '4', '3', '4', '3', '4', '3']);
    expect(r.ok && connectFour.outcome(r.state as never)).toEqual({
      result: 'win',
      winner: 0,
      reason: 'line',
      line: [17, 24, 31, 38],
    });
  });
  it('a diagonal wins', () => {
    const r = replay('connect4', ['0', '1', '1', '2', '2', '3', '2', '3', '3', '6', '3']);
    expect(r.ok && connectFour.outcome(r.state as never)).toMatchObject({ winner: 0 });
  });
  it('refuses a full column', () => {
    const six = ['0', '0', '0', '0', '0', '0'];
    expect(replay('connect4', [...six, '0'])).toEqual({
      ok: false,
      reason: 'That column is full.',
    });
    const r = replay('connect4', six);
    expect(r.ok && connectFour.legalMoves(r.state as never)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });
});

describe('chess (against chess.js known positions)', () => {
  const play = (moves: string[]) => {
    const r = replay('chess', moves);
    if (!r.ok) throw new Error(r.reason);
    return r.state as { moves: string[] };
  };
  it("fool's mate is checkmate for black, the mated king's square as the line", () => {
    const s = play(['f2f3', 'e7e5', 'g2g4', 'd8h4']);
    expect(chess.outcome(s)).toEqual({
      result: 'win',
      winner: 1,
      reason: 'checkmate',
      line: ['e1'],
    });
    expect(chess.legalMoves(s)).toEqual([]);
  });
  it('stalemate is a draw (fastest known stalemate)', () => {
    const s = play(
      'e2e3 a7a5 d1h5 a8a6 h5a5 h7h5 h2h4 a6h6 a5c7 f7f6 c7d7 e8f7 d7b7 d8d3 b7b8 d3h7 b8c8 f7g6 c8e6'.split(
        ' ',
      ),
    );
    expect(chess.outcome(s)).toEqual({ result: 'draw', reason: 'stalemate' });
  });
  it('castling both sides is legal when the path is clear', () => {
    const s = play('e2e4 e7e5 g1f3 b8c6 f1c4 g8f6'.split(' '));
    expect(chess.legalMoves(s)).toContain('e1g1');
    const castled = chess.apply(s, 'e1g1');
    expect(castled.ok && chessBoard(castled.state).get('f1')).toMatchObject({
      type: 'r',
      color: 'w',
    });
    expect(chess.apply(play('e2e4 e7e5'.split(' ')), 'e1g1')).toEqual({
      ok: false,
      reason: 'e1–g1 is not a legal move.',
    });
  });
  it('en passant takes the pawn that passed', () => {
    const s = play('e2e4 a7a6 e4e5 d7d5'.split(' '));
    const r = chess.apply(s, 'e5d6');
    expect(r.ok).toBe(true);
    if (r.ok) expect(chessBoard(r.state).get('d5')).toBeUndefined();
  });
  it('promotion needs a piece and gives it', () => {
    const s = play('a2a4 b7b5 a4b5 a7a6 b5a6 c8b7 a6a7 b7c6'.split(' '));
    expect(chess.apply(s, 'a7b8')).toEqual({
      ok: false,
      reason: 'A pawn reaching the last rank needs a piece: q, r, b or n.',
    });
    const r = chess.apply(s, 'a7b8n');
    expect(r.ok && chessBoard(r.state).get('b8')).toMatchObject({ type: 'n', color: 'w' });
    expect(chess.apply(play(['e2e4']), 'e7e5q')).toEqual({
      ok: false,
      reason: 'Only a pawn on the last rank promotes.',
    });
  });
  it('threefold repetition is a draw', () => {
    const dance = 'g1f3 g8f6 f3g1 f6g8'.split(' ');
    const s = play([...dance, ...dance]);
    expect(chess.outcome(s)).toEqual({ result: 'draw', reason: 'threefold-repetition' });
  });
  it('says why a move is illegal', () => {
    expect(chess.apply(play([]), 'e7e5')).toEqual({
      ok: false,
      reason: 'The piece on e7 is not yours.',
    });
    expect(chess.apply(play([]), 'e3e4')).toEqual({
      ok: false,
      reason: 'There is no piece on e3.',
    });
    expect(chess.apply(play([]), 'e2')).toMatchObject({ ok: false });
    const check = play('e2e4 f7f6 d1h5'.split(' '));
    expect(chess.apply(check, 'a7a6')).toEqual({
      ok: false,
      reason: 'a7–a6 is not legal: your king is in check.',
    });
  });
  it('an old state still answers after the game moved on (the memo is handed over)', () => {
    const a = play(['e2e4']);
    const b = chess.apply(a, 'e7e5');
    expect(b.ok).toBe(true);
    expect(chess.legalMoves(a)).toContain('e7e5');
    expect(chess.turn(a)).toBe(1);
  });
});
