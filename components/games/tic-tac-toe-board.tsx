'use client';

import { cn } from '@/components/ui/cn';
import type { TicTacToeState } from '@/lib/games/rules/tic-tac-toe';

const marks = ['X', 'O'] as const;

/** 3×3 grid of buttons named "Row 2, column 3, empty" (or X, O); the winning line highlighted. */
export function TicTacToeBoard({
  state,
  canMove,
  line,
  onMove,
}: {
  state: TicTacToeState;
  canMove: boolean;
  line: readonly (number | string)[];
  onMove: (move: string) => void;
}) {
  return (
    <div role="group" aria-label="Tic-tac-toe board" className="grid w-40 grid-cols-3 gap-1">
      {state.cells.map((cell, i) => {
        const row = Math.floor(i / 3) + 1;
        const column = (i % 3) + 1;
        const mark = cell === null ? null : marks[cell];
        return (
          <button
            key={i}
            type="button"
            aria-label={`Row ${row}, column ${column}, ${mark ?? 'empty'}`}
            disabled={!canMove || cell !== null}
            onClick={() => onMove(String(i))}
            className={cn(
              'flex h-12 items-center justify-center rounded border border-border bg-surface text-xl font-bold',
              line.includes(i) && 'bg-accent/30',
              canMove && cell === null && 'hover:bg-surface-2',
            )}
          >
            {mark}
          </button>
        );
      })}
    </div>
  );
}
