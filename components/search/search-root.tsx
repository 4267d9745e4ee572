'use client';

import { Search } from 'lucide-react';
import { lazy, Suspense } from 'react';

import { useOpenedOnce } from '@/components/ui/on-demand';
import { useSearchUi } from '@/lib/search/client/search-store';

// The search dialog and its panel load when search first opens, not with every page.
const loadSearch = () => import('./search-dialog');
const SearchDialog = lazy(() => loadSearch().then((m) => ({ default: m.SearchDialog })));
const prefetch = () => void loadSearch().catch(() => undefined);

/**
 * The search field at the top of the app and the search dialog it opens (also from Ctrl/Cmd+K's
 * quick switcher, "Search messages…", and "Search in this conversation"). Mounted once, in the
 * app's layout.
 */
export function SearchRoot() {
  const mounted = useOpenedOnce(useSearchUi((s) => s.mode !== 'closed'));

  return (
    <>
      <button
        type="button"
        onClick={() => useSearchUi.getState().openSearch()}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        className="hidden h-8 w-56 items-center justify-between rounded-md border border-border px-3 text-sm text-muted hover:bg-surface-2 sm:flex"
      >
        <span>Search messages…</span>
        <kbd className="text-xs">Ctrl K</kbd>
      </button>
      <button
        type="button"
        aria-label="Search messages…"
        onClick={() => useSearchUi.getState().openSearch()}
        className="rounded px-2 py-1 hover:bg-surface-2 sm:hidden"
      >
        <Search aria-hidden size={18} />
      </button>
      {mounted ? (
        <Suspense fallback={null}>
          <SearchDialog />
        </Suspense>
      ) : null}
    </>
  );
}
