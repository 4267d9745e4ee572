'use client';

import { cn } from '@/components/ui/cn';
import { COLUMNS, ROWS, type ConnectFourState } from '@/lib/games/rules/connect-four';

const colours = ['red', 'yellow'] as const;

/**
 * A "Drop in column N" button per column over a 6×7 grid whose cells are named "Row 6,
 * column 4, red" (row 1 is the top), so a screen reader and a test can read the board.
 */
export function ConnectFourBoard({
  state,
  canMove,
  line,
  onMove,
}: {
  state: ConnectFourState;
  canMove: boolean;
  line: readonly (number | string)[];
  onMove: (move: string) => void;
}) {
  return (
    <div role="group" aria-label="Connect Four board" className="inline-block">
      <div className="grid grid-cols-7 gap-1">
        {Array.from({ length: COLUMNS }, (_, c) => (
          <button
            key={c}
            type="button"
            aria-label={`Drop in column ${c + 1}`}
            disabled={!canMove || state.cells[c] !== null}
            onClick={() => onMove(String(c))}
            className="h-6 w-8 rounded text-xs text-muted hover:bg-surface-2 disabled:opacity-30"
          >
            ▼
          </button>
        ))}
      </div>
      <div className="mt-1 grid grid-cols-7 gap-1 rounded bg-blue-700 p-1">
        {state.cells.map((cell, i) => {
          const colour = cell === null ? null : colours[cell];
          return (
            <span
              key={i}
              role="img"
              aria-label={`Row ${Math.floor(i / COLUMNS) + 1}, column ${(i % COLUMNS) + 1}, ${colour ?? 'empty'}`}
              className={cn(
                'block h-6 w-6 rounded-full',
                colour === 'red' ? 'bg-red-500' : colour === 'yellow' ? 'bg-yellow-300' : 'bg-bg',
                line.includes(i) && 'ring-2 ring-white',
              )}
            />
          );
        })}
      </div>
      <span className="sr-only">{`${ROWS} rows, ${COLUMNS} columns`}</span>
    </div>
  );
}
