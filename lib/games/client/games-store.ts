import 'client-only';

import { create } from 'zustand';

import type { GameWire } from '../wire';

type GamesState = {
  byId: Record<string, GameWire>;
  /** Keeps the highest version seen: a late frame or response never rolls a board back. */
  upsert: (game: GameWire) => void;
};

export const useGamesStore = create<GamesState>((set) => ({
  byId: {},
  upsert: (game) =>
    set((s) => {
      const known = s.byId[game.id];
      if (known && known.version >= game.version) return s;
      return { byId: { ...s.byId, [game.id]: game } };
    }),
}));
