import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { replay } from '@/lib/games/rules';
import type { ChessState } from '@/lib/games/rules/chess';
import type { ConnectFourState } from '@/lib/games/rules/connect-four';
import type { TicTacToeState } from '@/lib/games/rules/tic-tac-toe';
import type { GameWire } from '@/lib/games/wire';

import { ChessBoard } from './chess-board';
import { ConnectFourBoard } from './connect-four-board';
import { statusLine } from './game-status';
import { TicTacToeBoard } from './tic-tac-toe-board';

const state = <S,>(kind: 'tictactoe' | 'connect4' | 'chess', moves: string[]) => {
  const r = replay(kind, moves);
  if (!r.ok) throw new Error(r.reason);
  return r.state as S;
};
const none = () => undefined;

describe('boards name their cells for screen readers and tests', () => {
  it('tic-tac-toe: "Row 2, column 3, empty", marks, taken cells disabled', () => {
    const html = renderToStaticMarkup(
      <TicTacToeBoard
        state={state<TicTacToeState>('tictactoe', ['0', '5'])}
        canMove
        line={[]}
        onMove={none}
      />,
    );
    expect(html).toContain('aria-label="Row 1, column 1, X"');
    expect(html).toContain('aria-label="Row 2, column 3, O"');
    expect(html).toMatch(/<button[^>]*aria-label="Row 2, column 2, empty"(?![^>]*disabled)/);
    expect(html).toMatch(
      /<button[^>]*disabled=""[^>]*aria-label="Row 1, column 1, X"|aria-label="Row 1, column 1, X"[^>]*disabled=""/,
    );
  });

  it('Connect Four: "Drop in column 4" buttons and cells from the bottom up', () => {
    const html = renderToStaticMarkup(
      <ConnectFourBoard
        state={state<ConnectFourState>('connect4', ['3', '3'])}
        canMove
        line={[]}
        onMove={none}
      />,
    );
    expect(html).toContain('aria-label="Drop in column 4"');
    expect(html).toContain('aria-label="Row 6, column 4, red"');
    expect(html).toContain('aria-label="Row 5, column 4, yellow"');
    expect(html).toContain('aria-label="Row 4, column 4, empty"');
  });

  it('chess: squares named "e2, white pawn" and "e4"; all disabled when it is not your turn', () => {
    const html = renderToStaticMarkup(
      <ChessBoard
        state={state<ChessState>('chess', [])}
        canMove={false}
        flip={false}
        line={[]}
        onMove={none}
      />,
    );
    expect(html).toContain('aria-label="e2, white pawn"');
    expect(html).toContain('aria-label="e8, black king"');
    expect(html).toContain('aria-label="e4"');
    expect(html.match(/<button/g)).toHaveLength(64);
    expect(html.match(/disabled=""/g)).toHaveLength(64);
  });
});

describe('the card’s status from the viewer’s side', () => {
  const game = {
    kind: 'connect4',
    status: 'active',
    createdBy: 'a',
    invitedId: 'b',
    players: ['a', 'b'],
    moves: ['3'],
    result: null,
  } as unknown as GameWire;
  const nameOf = (id: string) => ({ a: 'Ana', b: 'Ben' })[id] ?? id;
  it.each([
    [{}, 'b', 'Your turn'],
    [{}, 'a', 'Ben’s turn'],
    [{ status: 'pending', players: ['a'], moves: [] }, 'c', 'Ana challenged Ben to Connect Four'],
    [{ status: 'ended', result: { winnerId: 'a', reason: 'line', line: [] } }, 'a', 'You won'],
    [
      { status: 'ended', result: { winnerId: 'a', reason: 'timeout', line: [] } },
      'b',
      'Ana won on time',
    ],
    [
      { status: 'ended', result: { winnerId: null, reason: 'agreed', line: [] } },
      'b',
      'Draw by agreement',
    ],
  ])('%j seen by %s: %s', (change, viewer, text) => {
    expect(statusLine({ ...game, ...change } as GameWire, viewer, nameOf)).toBe(text);
  });
});
