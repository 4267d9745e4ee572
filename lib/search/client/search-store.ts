import 'client-only';

import { create } from 'zustand';

/**
 * Whether the search dialog is open, and how: the command list (Ctrl/Cmd+K), the search over
 * everything, or the search within one conversation (its header's "Search in this conversation").
 */
export type SearchScope = { id: string; name: string } | null;

type SearchUiState = {
  mode: 'closed' | 'commands' | 'search';
  scope: SearchScope;
  openCommands: () => void;
  openSearch: (scope?: SearchScope) => void;
  close: () => void;
};

export const useSearchUi = create<SearchUiState>()((set) => ({
  mode: 'closed',
  scope: null,
  openCommands: () => set({ mode: 'commands', scope: null }),
  openSearch: (scope = null) => set({ mode: 'search', scope }),
  close: () => set({ mode: 'closed' }),
}));
