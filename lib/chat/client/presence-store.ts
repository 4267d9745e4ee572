import 'client-only';

import { create } from 'zustand';

import type { PresenceStatus } from '@/lib/realtime/protocol';

export type Presence = { status: PresenceStatus; lastSeenAt: number | null };

type PresenceState = {
  byUser: Record<string, Presence>;
  apply: (users: { userId: string; status: PresenceStatus; lastSeenAt: number | null }[]) => void;
};

/** Who is online, away or offline, from the inbox room's presence frames. */
export const usePresenceStore = create<PresenceState>((set) => ({
  byUser: {},
  apply: (users) =>
    set((s) => {
      const byUser = { ...s.byUser };
      for (const u of users) byUser[u.userId] = { status: u.status, lastSeenAt: u.lastSeenAt };
      return { byUser };
    }),
}));

const OFFLINE: Presence = { status: 'offline', lastSeenAt: null };

export function usePresence(userId: string | undefined): Presence {
  return usePresenceStore((s) => (userId ? s.byUser[userId] : undefined)) ?? OFFLINE;
}
