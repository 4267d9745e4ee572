import 'client-only';

import { callEndpoint } from '@/lib/api/client';

import {
  actOnGameEndpoint,
  createGameEndpoint,
  gameStatsEndpoint,
  getGameEndpoint,
  leaderboardEndpoint,
  makeMoveEndpoint,
  rematchEndpoint,
} from '../endpoints';
import type { CreateGameInput, GameAction } from '../schemas';
import type { GameKind } from '../rules/types';
import type { GameWire } from '../wire';
import { useGamesStore } from './games-store';

const keep = (game: GameWire) => {
  useGamesStore.getState().upsert(game);
  return game;
};

/** The browser's calls to the games API; every game answered is kept in the games store. */
export const gamesApi = {
  create: async (conversationId: string, body: CreateGameInput) =>
    keep((await callEndpoint(createGameEndpoint, { params: { id: conversationId }, body })).game),
  get: async (id: string) => keep((await callEndpoint(getGameEndpoint, { params: { id } })).game),
  act: async (id: string, action: GameAction) =>
    keep((await callEndpoint(actOnGameEndpoint, { params: { id }, body: { action } })).game),
  move: async (game: GameWire, move: string) =>
    keep(
      (
        await callEndpoint(makeMoveEndpoint, {
          params: { id: game.id },
          body: { move, expectedVersion: game.version },
        })
      ).game,
    ),
  rematch: async (id: string) =>
    keep((await callEndpoint(rematchEndpoint, { params: { id } })).game),
  leaderboard: async (conversationId: string, kind: GameKind) =>
    (await callEndpoint(leaderboardEndpoint, { params: { id: conversationId }, query: { kind } }))
      .entries,
  stats: async (userId: string) =>
    (await callEndpoint(gameStatsEndpoint, { params: { id: userId } })).stats,
};
