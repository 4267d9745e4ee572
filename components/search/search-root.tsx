'use client';

import { Search } from 'lucide-react';
import dynamic from 'next/dynamic';
import * as RadixDialog from '@radix-ui/react-dialog';

import { useSearchUi } from '@/lib/search/client/search-store';

// The search panel loads when the dialog first opens, not with every page.
const SearchPanel = dynamic(() => import('./search-panel').then((m) => m.SearchPanel), {
  ssr: false,
});

/**
 * The search field at the top of the app and the search dialog it opens (also from Ctrl/Cmd+K's
 * quick switcher, "Search messages…", and "Search in this conversation"). Mounted once, in the
 * app's layout.
 */
export function SearchRoot() {
  const mode = useSearchUi((s) => s.mode);
  const scope = useSearchUi((s) => s.scope);

  return (
    <>
      <button
        type="button"
        onClick={() => useSearchUi.getState().openSearch()}
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
      <RadixDialog.Root
        open={mode !== 'closed'}
        onOpenChange={(open) => !open && useSearchUi.getState().close()}
      >
        <RadixDialog.Portal>
          <RadixDialog.Overlay className="fixed inset-0 bg-black/40" />
          <RadixDialog.Content className="fixed left-1/2 top-[10vh] flex max-h-[80vh] w-[min(40rem,calc(100vw-1rem))] -translate-x-1/2 flex-col rounded-lg border border-border bg-bg p-4 shadow-xl">
            <RadixDialog.Title className="mb-3 text-base font-semibold">
              {scope ? `Search in ${scope.name}` : 'Search messages'}
            </RadixDialog.Title>
            <RadixDialog.Description className="sr-only">
              Type to search; arrow keys move through results, Enter opens one
            </RadixDialog.Description>
            <SearchPanel />
          </RadixDialog.Content>
        </RadixDialog.Portal>
      </RadixDialog.Root>
    </>
  );
}
