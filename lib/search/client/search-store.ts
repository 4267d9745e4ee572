import 'client-only';

import { create } from 'zustand';

/**
 * Whether the search dialog is open, and how: the search over everything (the quick switcher's
 * "Search messages…", the header's field) or within one conversation (its header's "Search in this
 * conversation").
 */
export type SearchScope = { id: string; name: string } | null;

type SearchUiState = {
  mode: 'closed' | 'search';
  scope: SearchScope;
  openSearch: (scope?: SearchScope) => void;
  close: () => void;
};

export const useSearchUi = create<SearchUiState>()((set) => ({
  mode: 'closed',
  scope: null,
  openSearch: (scope = null) => set({ mode: 'search', scope }),
  close: () => set({ mode: 'closed' }),
}));
