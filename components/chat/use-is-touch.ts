'use client';

import { useSyncExternalStore } from 'react';

const QUERY = '(hover: none)';

// One MediaQueryList for every message row: matchMedia() parses the query on every call, and each
// row asks on every render.
let list: MediaQueryList | null = null;
const query = () => (list ??= window.matchMedia(QUERY));

function subscribe(onChange: () => void) {
  const media = query();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Whether the main pointer cannot hover (a phone or tablet): hover-only controls show always. */
export function useIsTouch(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query().matches,
    () => false,
  );
}
