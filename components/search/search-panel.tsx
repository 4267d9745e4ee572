'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type KeyboardEvent } from 'react';

import { Button } from '@/components/ui/button';
import { useSearchUi } from '@/lib/search/client/search-store';
import { useRecentSearches } from '@/lib/search/client/use-recent-searches';
import { useSearch } from '@/lib/search/client/use-search';
import type { SearchResultWire } from '@/lib/search/wire';

import { FilterChips } from './filter-chips';
import { groupByConversation, optionId, SearchResults } from './search-results';

/** The search field, its filters, recent searches and the results; Enter opens the active one. */
export function SearchPanel() {
  const router = useRouter();
  const scope = useSearchUi((s) => s.scope);
  const close = useSearchUi((s) => s.close);
  const clearScope = () => useSearchUi.getState().openSearch(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const { results, nextCursor, loading, error, more } = useSearch(query, scope?.id ?? null);
  const { recent, remember } = useRecentSearches();
  const listId = useId();
  // Keyboard order is display order: grouped by conversation.
  const ordered = groupByConversation(results).flatMap((g) => g.results);
  const activeId = ordered.some((r) => r.message.id === active)
    ? active
    : (ordered[0]?.message.id ?? null);

  function open(result: SearchResultWire) {
    remember(query);
    close();
    const { message } = result;
    router.push(`/chats/${message.conversationId}?message=${message.id}&seq=${message.seq}`);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const at = ordered.findIndex((r) => r.message.id === activeId);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next =
        ordered[Math.max(0, Math.min(ordered.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) {
        setActive(next.message.id);
        document.getElementById(optionId(next.message.id))?.scrollIntoView({ block: 'nearest' });
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = ordered[at];
      if (picked) open(picked);
    }
  }

  return (
    <div className="flex min-h-0 flex-col gap-3">
      <label className="sr-only" htmlFor={`${listId}-input`}>
        Search messages
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={ordered.length > 0}
        aria-controls={listId}
        aria-activedescendant={activeId ? optionId(activeId) : undefined}
        aria-autocomplete="list"
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={scope ? `Search in ${scope.name}…` : 'Search messages…'}
        className="h-10 rounded-md border border-border bg-bg px-3 text-fg placeholder:text-muted"
      />
      <FilterChips query={query} setQuery={setQuery} scope={scope} clearScope={clearScope} />
      <div className="min-h-0 overflow-y-auto" aria-live="polite">
        {query.trim() === '' ? (
          recent.length ? (
            <div role="group" aria-label="Recent searches" className="flex flex-col">
              <p className="px-2 pb-1 text-xs font-semibold uppercase text-muted">
                Recent searches
              </p>
              {recent.map((r) => (
                <button
                  key={r}
                  type="button"
                  className="rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-2"
                  onClick={() => setQuery(r)}
                >
                  {r}
                </button>
              ))}
            </div>
          ) : (
            <p className="px-2 text-sm text-muted">
              Try a word, &quot;a phrase&quot;, from:@name, in:#group, has:image, before:2026-12-01.
            </p>
          )
        ) : error ? (
          <p role="alert" className="px-2 text-sm text-danger">
            {error}
          </p>
        ) : ordered.length === 0 ? (
          <p className="px-2 text-sm text-muted">{loading ? 'Searching…' : 'No messages found.'}</p>
        ) : (
          <>
            <SearchResults listId={listId} results={results} activeId={activeId} onPick={open} />
            {nextCursor ? (
              <Button variant="ghost" size="sm" className="mt-2" onClick={() => void more()}>
                More results
              </Button>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
