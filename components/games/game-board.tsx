'use client';

import { useMemo } from 'react';

import { turnIndex } from '@/lib/games/clock';
import { replay } from '@/lib/games/rules';
import type { ChessState } from '@/lib/games/rules/chess';
import type { ConnectFourState } from '@/lib/games/rules/connect-four';
import type { TicTacToeState } from '@/lib/games/rules/tic-tac-toe';
import type { GameWire } from '@/lib/games/wire';

import { ChessBoard } from './chess-board';
import { ConnectFourBoard } from './connect-four-board';
import { TicTacToeBoard } from './tic-tac-toe-board';

/** The board for any game, from its moves (the same rules module the server uses). */
export function GameBoard({
  game,
  meId,
  onMove,
}: {
  game: GameWire;
  meId: string;
  onMove: (move: string) => void;
}) {
  const position = useMemo(() => replay(game.kind, game.moves), [game.kind, game.moves]);
  if (!position.ok) return <p role="alert">This game cannot be shown: {position.reason}</p>;
  const canMove = game.status === 'active' && game.players[turnIndex(game.moves)] === meId;
  const line = game.result?.line ?? [];
  switch (game.kind) {
    case 'tictactoe':
      return (
        <TicTacToeBoard
          state={position.state as TicTacToeState}
          canMove={canMove}
          line={line}
          onMove={onMove}
        />
      );
    case 'connect4':
      return (
        <ConnectFourBoard
          state={position.state as ConnectFourState}
          canMove={canMove}
          line={line}
          onMove={onMove}
        />
      );
    case 'chess':
      return (
        <ChessBoard
          state={position.state as ChessState}
          canMove={canMove}
          flip={game.players[1] === meId}
          line={line}
          onMove={onMove}
        />
      );
  }
}
