import 'client-only';

import { create } from 'zustand';

/**
 * Conversations this tab marked unread while they are open. The open conversation is normally
 * marked read as the person reads it; after "Mark unread" it is not, and its badge shows, until
 * the person leaves it (the next visit reads it as usual).
 */
type UnreadHoldState = {
  held: Record<string, true>;
  hold: (conversationId: string) => void;
  release: (conversationId: string) => void;
};

export const useUnreadHold = create<UnreadHoldState>((set) => ({
  held: {},
  hold: (id) => set((s) => ({ held: { ...s.held, [id]: true } })),
  release: (id) =>
    set((s) => {
      if (!s.held[id]) return s;
      const { [id]: _released, ...rest } = s.held;
      return { held: rest };
    }),
}));
