'use client';

import 'client-only';
import { useEffect, useState } from 'react';

import { ApiClientError, callEndpoint } from '@/lib/api/client';

import { searchMessagesEndpoint } from '../endpoints';
import type { SearchResultWire } from '../wire';

type Answer = {
  /** Which query (and scope) this answer is for. */
  key: string;
  results: SearchResultWire[];
  nextCursor: string | null;
  error: string | null;
};

/**
 * Results for a query, fetched 250 ms after the last keystroke; a newer query aborts the older
 * request, so answers never arrive out of order. Until the new answer lands the previous one
 * stays on screen, marked as loading. `more()` appends the next page.
 */
export function useSearch(q: string, conversationId: string | null) {
  const key = `${conversationId ?? ''}\n${q}`;
  const blank = q.trim() === '';
  const [answer, setAnswer] = useState<Answer>({
    key: '',
    results: [],
    nextCursor: null,
    error: null,
  });

  useEffect(() => {
    if (blank) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      callEndpoint(
        searchMessagesEndpoint,
        { query: { q, conversationId: conversationId ?? undefined, limit: 20 } },
        { signal: abort.signal },
      )
        .then((page) => setAnswer({ key, ...page, error: null }))
        .catch((e: unknown) => {
          if (e instanceof ApiClientError && e.code === 'aborted') return;
          const error = e instanceof Error ? e.message : 'Search failed.';
          setAnswer({ key, results: [], nextCursor: null, error });
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q, conversationId, key, blank]);

  const more = async () => {
    if (!answer.nextCursor) return;
    const page = await callEndpoint(searchMessagesEndpoint, {
      query: {
        q,
        conversationId: conversationId ?? undefined,
        limit: 20,
        cursor: answer.nextCursor,
      },
    });
    setAnswer((a) =>
      a.key === key
        ? { ...a, results: [...a.results, ...page.results], nextCursor: page.nextCursor }
        : a,
    );
  };

  if (blank) return { results: [], nextCursor: null, loading: false, error: null, more };
  const current = answer.key === key;
  return {
    results: answer.results,
    nextCursor: current ? answer.nextCursor : null,
    loading: !current,
    error: current ? answer.error : null,
    more,
  };
}
