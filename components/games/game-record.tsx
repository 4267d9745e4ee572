'use client';

import { useEffect, useState } from 'react';

import { gamesApi } from '@/lib/games/client/api';
import { gameNames } from '@/lib/games/describe';
import type { GameStatWire } from '@/lib/games/wire';

/**
 * A person's record and rating per game ("Connect Four: 1216 · 3W 1L 0D"), read from
 * GET /api/v1/users/{id}/game-stats. Parley has no profile card yet; the Games dialog shows yours.
 */
export function GameRecord({ userId, label }: { userId: string; label: string }) {
  const [stats, setStats] = useState<GameStatWire[] | null>(null);
  useEffect(() => {
    let live = true;
    gamesApi
      .stats(userId)
      .then((s) => live && setStats(s))
      .catch(() => live && setStats([]));
    return () => {
      live = false;
    };
  }, [userId]);
  if (stats === null) return null;
  return (
    <section aria-label={label} className="mt-3 text-sm">
      <h3 className="font-medium">{label}</h3>
      {stats.length === 0 ? (
        <p className="text-xs text-muted">No games finished yet.</p>
      ) : (
        <ul>
          {stats.map((s) => (
            <li key={s.kind} className="flex justify-between">
              <span>{gameNames[s.kind]}</span>
              <span className="text-muted">
                {s.rating} · {s.wins}W {s.losses}L {s.draws}D
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
