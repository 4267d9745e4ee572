'use client';

import { useEffect, useState } from 'react';

import { gamesApi } from '@/lib/games/client/api';
import { gameNames } from '@/lib/games/describe';
import type { GameStatWire } from '@/lib/games/wire';

/**
 * A person's record and rating per game ("Connect Four: 1216 · 3W 1L 0D"), read from
 * GET /api/v1/users/{id}/game-stats: in the Games dialog (yours) and in a member's profile card.
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
  return <GameStatsList stats={stats} label={label} />;
}

/** The record itself: one line per game, rating (Elo) then wins, losses and draws. */
export function GameStatsList({ stats, label }: { stats: GameStatWire[]; label: string }) {
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
              <span
                className="text-muted"
                title={`Rating ${s.rating}: ${s.wins} won, ${s.losses} lost, ${s.draws} drawn`}
              >
                {s.rating} · {s.wins}W {s.losses}L {s.draws}D
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
