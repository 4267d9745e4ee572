'use client';

import * as RadixDialog from '@radix-ui/react-dialog';

import { useSearchUi } from '@/lib/search/client/search-store';

import { SearchPanel } from './search-panel';

/** The search dialog (search-root.tsx loads it the first time search opens). */
export function SearchDialog() {
  const mode = useSearchUi((s) => s.mode);
  const scope = useSearchUi((s) => s.scope);
  return (
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
  );
}
