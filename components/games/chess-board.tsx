'use client';

import type { Square } from 'chess.js';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { chessBoard, type ChessState } from '@/lib/games/rules/chess';

const pieceNames = { p: 'pawn', n: 'knight', b: 'bishop', r: 'rook', q: 'queen', k: 'king' };
const glyphs: Record<string, string> = {
  wp: '♙',
  wn: '♘',
  wb: '♗',
  wr: '♖',
  wq: '♕',
  wk: '♔',
  bp: '♟',
  bn: '♞',
  bb: '♝',
  br: '♜',
  bq: '♛',
  bk: '♚',
};
const files = 'abcdefgh';

/**
 * Squares are buttons named "e2, white pawn" or "e4": pick one of your pieces, then a highlighted
 * target. A pawn reaching the last rank asks which piece it becomes. `flip` shows black at the
 * bottom for the player with black.
 */
export function ChessBoard({
  state,
  canMove,
  flip,
  line,
  onMove,
}: {
  state: ChessState;
  canMove: boolean;
  flip: boolean;
  line: readonly (number | string)[];
  onMove: (move: string) => void;
}) {
  const board = chessBoard(state);
  const [from, setFrom] = useState<Square | null>(null);
  const [promotion, setPromotion] = useState<{ from: Square; to: Square } | null>(null);
  const targets = from && canMove ? board.moves({ square: from, verbose: true }) : [];
  const ranks = flip ? [1, 2, 3, 4, 5, 6, 7, 8] : [8, 7, 6, 5, 4, 3, 2, 1];
  const columns = flip ? [...files].reverse() : [...files];

  const click = (square: Square) => {
    const target = targets.filter((t) => t.to === square);
    if (from && target.length > 0) {
      if (target.some((t) => t.promotion)) setPromotion({ from, to: square });
      else onMove(`${from}${square}`);
      setFrom(null);
      return;
    }
    const piece = board.get(square);
    setFrom(piece && piece.color === board.turn() && canMove ? square : null);
  };

  return (
    <div>
      <div
        role="group"
        aria-label="Chess board"
        className="inline-grid grid-cols-8 border border-border"
      >
        {ranks.flatMap((rank) =>
          columns.map((file, c) => {
            const square = `${file}${rank}` as Square;
            const piece = board.get(square);
            const name = piece
              ? `${square}, ${piece.color === 'w' ? 'white' : 'black'} ${pieceNames[piece.type]}`
              : square;
            const isTarget = targets.some((t) => t.to === square);
            const dark = (rank + files.indexOf(file)) % 2 === 0;
            return (
              <button
                key={square}
                type="button"
                aria-label={name}
                aria-pressed={from === square}
                disabled={!canMove}
                onClick={() => click(square)}
                data-col={c}
                className={cn(
                  'flex h-9 w-9 items-center justify-center text-2xl leading-none',
                  dark ? 'bg-amber-700/60' : 'bg-amber-100/70',
                  from === square && 'ring-2 ring-inset ring-accent',
                  isTarget && 'ring-2 ring-inset ring-green-500',
                  line.includes(square) && 'bg-red-400',
                  'disabled:cursor-default disabled:opacity-100',
                )}
              >
                {piece ? glyphs[`${piece.color}${piece.type}`] : ''}
              </button>
            );
          }),
        )}
      </div>
      {promotion ? (
        <div role="group" aria-label="Promote to" className="mt-2 flex gap-1">
          {(['q', 'r', 'b', 'n'] as const).map((p) => (
            <Button
              key={p}
              size="sm"
              variant="secondary"
              onClick={() => {
                onMove(`${promotion.from}${promotion.to}${p}`);
                setPromotion(null);
              }}
            >
              {pieceNames[p][0]!.toUpperCase() + pieceNames[p].slice(1)}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
