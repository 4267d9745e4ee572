import 'client-only';

import { create } from 'zustand';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

type ConnectionState = { status: ConnectionStatus; setStatus: (status: ConnectionStatus) => void };

/** The state of this tab's realtime connection, for the "Reconnecting…" notice. */
export const useConnectionStore = create<ConnectionState>((set) => ({
  status: 'connecting',
  setStatus: (status) => set({ status }),
}));
