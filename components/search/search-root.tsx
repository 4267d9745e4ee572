'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { useEffect } from 'react';

import { useSearchUi } from '@/lib/search/client/search-store';

import { SearchPanel } from './search-panel';

/**
 * The search field at the top of the app, Ctrl/Cmd+K, and the dialog both open: a short command
 * list ("Search messages…") or the search itself. Mounted once, in the app's layout.
 */
export function SearchRoot() {
  const mode = useSearchUi((s) => s.mode);
  const scope = useSearchUi((s) => s.scope);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        const ui = useSearchUi.getState();
        if (ui.mode === 'closed') ui.openCommands();
        else ui.close();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
        ⌕
      </button>
      <RadixDialog.Root
        open={mode !== 'closed'}
        onOpenChange={(open) => !open && useSearchUi.getState().close()}
      >
        <RadixDialog.Portal>
          <RadixDialog.Overlay className="fixed inset-0 bg-black/40" />
          <RadixDialog.Content className="fixed left-1/2 top-[10vh] flex max-h-[80vh] w-[min(40rem,calc(100vw-1rem))] -translate-x-1/2 flex-col rounded-lg border border-border bg-bg p-4 shadow-xl">
            <RadixDialog.Title className="mb-3 text-base font-semibold">
              {mode === 'commands'
                ? 'Commands'
                : scope
                  ? `Search in ${scope.name}`
                  : 'Search messages'}
            </RadixDialog.Title>
            <RadixDialog.Description className="sr-only">
              {mode === 'commands'
                ? 'Pick a command'
                : 'Type to search; arrow keys move through results, Enter opens one'}
            </RadixDialog.Description>
            {mode === 'commands' ? <CommandList /> : <SearchPanel />}
          </RadixDialog.Content>
        </RadixDialog.Portal>
      </RadixDialog.Root>
    </>
  );
}

/** Ctrl/Cmd+K's list. One command for now; the first is focused so Enter runs it. */
function CommandList() {
  return (
    <div role="menu" aria-label="Commands" className="flex flex-col">
      <button
        type="button"
        role="menuitem"
        autoFocus
        onClick={() => useSearchUi.getState().openSearch()}
        className="rounded-md px-3 py-2 text-left hover:bg-surface-2 focus:bg-surface-2 focus:outline-none"
      >
        Search messages…
      </button>
    </div>
  );
}
