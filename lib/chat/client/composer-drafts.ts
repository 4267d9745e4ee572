import 'client-only';

import { create } from 'zustand';

/**
 * What a person has typed and not sent, per conversation: kept in this browser's localStorage
 * (`parley:draft:<userId>:<conversationId>`), so it survives switching conversations and
 * reloading, and never mixes two people who share a browser. Nothing reaches the server.
 */
const PREFIX = 'parley:draft:';

/** The parts of Storage used here (tests pass a Map-backed one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const draftKey = (userId: string, conversationId: string) =>
  `${PREFIX}${userId}:${conversationId}`;

/** Every draft of this person in `storage`: conversationId → text. */
export function readDrafts(storage: DraftStorage, userId: string): Record<string, string> {
  const mine = `${PREFIX}${userId}:`;
  const drafts: Record<string, string> = {};
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(mine)) continue;
    const text = storage.getItem(key);
    if (text) drafts[key.slice(mine.length)] = text;
  }
  return drafts;
}

/** Saves (or, for blank text, forgets) one draft. Storage full or blocked: kept in memory only. */
export function writeDraft(
  storage: DraftStorage,
  userId: string,
  conversationId: string,
  text: string,
): void {
  try {
    if (text.trim()) storage.setItem(draftKey(userId, conversationId), text);
    else storage.removeItem(draftKey(userId, conversationId));
  } catch {
    // Quota exceeded or storage disabled (private mode): the draft lives until the tab closes.
  }
}

type ComposerDraftsState = {
  userId: string | null;
  /** conversationId → unsent text, for the composer and the sidebar's "Draft" mark. */
  texts: Record<string, string>;
  /** Reads this person's drafts from localStorage (once per tab, on the chats screen). */
  load: (userId: string) => void;
  set: (conversationId: string, text: string) => void;
};

function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const useComposerDrafts = create<ComposerDraftsState>((set, get) => ({
  userId: null,
  texts: {},
  load: (userId) => {
    if (get().userId === userId) return;
    const storage = browserStorage();
    set({ userId, texts: storage ? readDrafts(storage, userId) : {} });
  },
  set: (conversationId, text) => {
    const { userId, texts } = get();
    if (!userId) return;
    const storage = browserStorage();
    if (storage) writeDraft(storage, userId, conversationId, text);
    const next = { ...texts };
    if (text.trim()) next[conversationId] = text;
    else delete next[conversationId];
    set({ texts: next });
  },
}));
