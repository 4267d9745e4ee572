'use client';

import 'client-only';
import { useCallback, useState } from 'react';

import { addRecent, readRecent } from '../recent';

const KEY = 'parley:recent-searches';

/** Recent searches, kept in this browser's localStorage (never sent anywhere). */
export function useRecentSearches() {
  // Read on first render: the search panel only renders in the browser, after a click or a key.
  const [recent, setRecent] = useState<string[]>(() =>
    typeof localStorage === 'undefined' ? [] : readRecent(localStorage.getItem(KEY)),
  );
  const remember = useCallback((query: string) => {
    const next = addRecent(readRecent(localStorage.getItem(KEY)), query);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage full or disabled: the list just isn't kept.
    }
    setRecent(next);
  }, []);
  return { recent, remember };
}
