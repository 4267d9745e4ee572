import 'client-only';

import { create } from 'zustand';

/** A draft nobody updated for this long is dropped (its writer died; the resync has the rest). */
export const DRAFT_TTL_MS = 60_000;

/** A reply being written live (the assistant streaming): the whole text so far. */
export type Draft = {
  draftId: string;
  conversationId: string;
  authorId: string;
  replyToId: string | null;
  body: string;
  /** When the last update arrived (ms). */
  updatedAt: number;
};

type DraftsState = {
  /** conversationId → draftId → draft. */
  byConversation: Record<string, Record<string, Draft>>;
  /**
   * Ids of drafts whose message arrived: a late update for one (events can cross) must not bring
   * it back. Only the recent ones are kept.
   */
  finished: string[];
  apply: (draft: Omit<Draft, 'updatedAt'>, now?: number) => void;
  /** The stored message with clientId = draftId arrived: the draft is done. */
  finish: (conversationId: string, draftId: string) => void;
  /** Drops drafts not updated within DRAFT_TTL_MS; returns whether anything changed. */
  prune: (now?: number) => boolean;
};

const FINISHED_KEPT = 200;

export const useDraftsStore = create<DraftsState>((set, get) => ({
  byConversation: {},
  finished: [],
  apply: (draft, now = Date.now()) =>
    set((s) => {
      if (s.finished.includes(draft.draftId)) return s;
      const current = s.byConversation[draft.conversationId] ?? {};
      return {
        byConversation: {
          ...s.byConversation,
          [draft.conversationId]: {
            ...current,
            [draft.draftId]: {
              draftId: draft.draftId,
              conversationId: draft.conversationId,
              authorId: draft.authorId,
              replyToId: draft.replyToId,
              body: draft.body,
              updatedAt: now,
            },
          },
        },
      };
    }),
  finish: (conversationId, draftId) =>
    set((s) => {
      const finished = [...s.finished.filter((id) => id !== draftId), draftId].slice(
        -FINISHED_KEPT,
      );
      const current = s.byConversation[conversationId];
      if (!current?.[draftId]) return { finished };
      const rest = { ...current };
      delete rest[draftId];
      return { finished, byConversation: { ...s.byConversation, [conversationId]: rest } };
    }),
  prune: (now = Date.now()) => {
    const { byConversation } = get();
    let changed = false;
    const next: DraftsState['byConversation'] = {};
    for (const [cid, drafts] of Object.entries(byConversation)) {
      next[cid] = {};
      for (const [id, draft] of Object.entries(drafts)) {
        if (now - draft.updatedAt < DRAFT_TTL_MS) next[cid][id] = draft;
        else changed = true;
      }
    }
    if (changed) set({ byConversation: next });
    return changed;
  },
}));
