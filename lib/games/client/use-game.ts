'use client';

import 'client-only';
import { useEffect, useRef } from 'react';

import { useConnectionStore } from '@/lib/realtime/client/connection-store';

import type { GameWire } from '../wire';
import { gamesApi } from './api';
import { useGamesStore } from './games-store';

/**
 * One game, live: read from the games store (fed by `game.updated` frames and answers), fetched
 * on first use and again whenever the realtime connection comes back (resync by version: the
 * store keeps whichever is newer).
 */
export function useGame(gameId: string): GameWire | undefined {
  const game = useGamesStore((s) => s.byId[gameId]);
  const status = useConnectionStore((s) => s.status);
  const lastStatus = useRef(status);
  useEffect(() => {
    void gamesApi.get(gameId).catch(() => undefined);
  }, [gameId]);
  useEffect(() => {
    const was = lastStatus.current;
    lastStatus.current = status;
    if (status === 'open' && was !== 'open' && was !== 'connecting')
      void gamesApi.get(gameId).catch(() => undefined);
  }, [gameId, status]);
  return game;
}
