import 'client-only';

import { create } from 'zustand';

/** A typing indicator disappears this long after the last typing frame, if no stop arrives. */
export const TYPING_TTL_MS = 5000;

type TypingState = {
  /** conversationId → userId → when the indicator expires (ms). */
  byConversation: Record<string, Record<string, number>>;
  set: (conversationId: string, userId: string, typing: boolean, now?: number) => void;
  /** Drops expired entries; returns whether anything changed. */
  prune: (now?: number) => boolean;
};

export const useTypingStore = create<TypingState>((set, get) => ({
  byConversation: {},
  set: (conversationId, userId, typing, now = Date.now()) =>
    set((s) => {
      const current = { ...(s.byConversation[conversationId] ?? {}) };
      if (typing) current[userId] = now + TYPING_TTL_MS;
      else delete current[userId];
      return { byConversation: { ...s.byConversation, [conversationId]: current } };
    }),
  prune: (now = Date.now()) => {
    const { byConversation } = get();
    let changed = false;
    const next: TypingState['byConversation'] = {};
    for (const [cid, users] of Object.entries(byConversation)) {
      next[cid] = {};
      for (const [uid, until] of Object.entries(users)) {
        if (until > now) next[cid][uid] = until;
        else changed = true;
      }
    }
    if (changed) set({ byConversation: next });
    return changed;
  },
}));
