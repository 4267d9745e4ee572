'use client';

import { useEffect, useMemo, useState } from 'react';

import { searchEmoji, type EmojiEntry } from '@/lib/chat/emoji-search';

/**
 * The whole Unicode emoji set with a search field. Loaded only when a picker opens (next/dynamic
 * in emoji-picker.tsx), and its data (emojibase-data, ~0.5 MB) only then too: neither is in the
 * chats page's first-load JavaScript.
 */
export default function EmojiSearchPanel({ onPick }: { onPick: (emoji: string) => void }) {
  const [data, setData] = useState<readonly EmojiEntry[] | null>(null);
  const [error, setError] = useState(false);
  const [query, setQuery] = useState('');
  useEffect(() => {
    let cancelled = false;
    import('emojibase-data/en/compact.json')
      .then((m) => !cancelled && setData(m.default))
      .catch(() => !cancelled && setError(true));
    return () => {
      cancelled = true;
    };
  }, []);
  const results = useMemo(
    () => (data ? searchEmoji(data, query, query.trim() ? 120 : 10_000) : []),
    [data, query],
  );
  return (
    <div className="mt-2 border-t border-border pt-2">
      <label className="sr-only" htmlFor="emoji-search">
        Search emoji
      </label>
      <input
        id="emoji-search"
        type="search"
        placeholder="Search emoji"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="mb-2 h-8 w-full rounded-md border border-border bg-bg px-2 text-sm"
      />
      {error ? (
        <p role="alert" className="text-sm text-danger">
          Could not load the emoji. Check your connection.
        </p>
      ) : !data ? (
        <p className="text-sm text-muted">Loading emoji…</p>
      ) : results.length === 0 ? (
        <p className="text-sm text-muted">No emoji match “{query}”.</p>
      ) : (
        <ul
          aria-label={query.trim() ? 'Matching emoji' : 'All emoji'}
          className="grid max-h-56 grid-cols-8 gap-1 overflow-y-auto"
        >
          {/* Named by the emoji's own label ("avocado"): "React with …" belongs to the usual ones above. */}
          {results.map((e) => (
            <li key={e.unicode} className="[content-visibility:auto]">
              <button
                type="button"
                aria-label={e.label}
                title={e.label}
                onClick={() => onPick(e.unicode)}
                className="rounded p-1 text-xl hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
              >
                {e.unicode}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
