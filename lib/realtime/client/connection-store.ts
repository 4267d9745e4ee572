import 'client-only';

import { create } from 'zustand';

/**
 * `unreachable`: the socket cannot connect (the realtime server is down, refuses the token, or is
 * blocked): the person is told that live updates are not arriving. partysocket keeps retrying.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'unreachable';

type ConnectionState = { status: ConnectionStatus; setStatus: (status: ConnectionStatus) => void };

/** The state of this tab's realtime connection, for the "Reconnecting…" and "Can't connect" notices. */
export const useConnectionStore = create<ConnectionState>((set) => ({
  status: 'connecting',
  setStatus: (status) => set({ status }),
}));
