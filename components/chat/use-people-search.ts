'use client';

import { useEffect, useState } from 'react';
import type { z } from 'zod';

import { callEndpoint } from '@/lib/api/client';
import { searchUsersEndpoint } from '@/lib/users/endpoints';
import type { publicUserSchema } from '@/lib/users/wire';

export type PersonResult = z.infer<typeof publicUserSchema>;

/** Searches the directory as the person types (debounced), for the new-conversation dialogs. */
export function usePeopleSearch(query: string, enabled = true) {
  const [results, setResults] = useState<PersonResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      callEndpoint(searchUsersEndpoint, { query: { query: query.trim(), limit: 20 } })
        .then((body) => {
          if (cancelled) return;
          setResults(body.users);
          setError(null);
        })
        .catch((e: Error) => !cancelled && setError(e.message))
        .finally(() => !cancelled && setAnswered(query));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, enabled]);
  return { results, error, loading: answered !== query };
}
