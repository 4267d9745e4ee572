'use client';

import { addToken, chipsOf, removeToken } from '@/lib/search/chips';
import type { SearchScope } from '@/lib/search/client/search-store';

const QUICK = ['has:image', 'has:link', 'has:file'] as const;

/**
 * The query's filters as chips (each removable), the conversation scope as one more, and the
 * common filters one click away. The query text stays the source of truth.
 */
export function FilterChips({
  query,
  setQuery,
  scope,
  clearScope,
}: {
  query: string;
  setQuery: (q: string) => void;
  scope: SearchScope;
  clearScope: () => void;
}) {
  const chips = chipsOf(query);
  const chip =
    'inline-flex items-center gap-1 rounded-full border border-border px-2 py-0.5 text-xs';
  return (
    <div className="flex flex-wrap items-center gap-1.5" aria-label="Filters" role="group">
      {scope ? (
        <span className={chip}>
          in {scope.name}
          <button type="button" aria-label={`Remove filter in ${scope.name}`} onClick={clearScope}>
            ×
          </button>
        </span>
      ) : null}
      {chips.map((c) => (
        <span key={c.token} className={`${chip} bg-surface-2`}>
          {c.label}
          <button
            type="button"
            aria-label={`Remove filter ${c.label}`}
            onClick={() => setQuery(removeToken(query, c.token))}
          >
            ×
          </button>
        </span>
      ))}
      {QUICK.filter((t) => !chips.some((c) => c.token.toLowerCase() === t)).map((t) => (
        <button
          key={t}
          type="button"
          className={`${chip} text-muted hover:bg-surface-2`}
          onClick={() => setQuery(addToken(query, t))}
        >
          + {t}
        </button>
      ))}
    </div>
  );
}
