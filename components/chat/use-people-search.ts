'use client';

import { useEffect, useState } from 'react';
import { z } from 'zod';

import { apiFetch } from '@/lib/api/client';
import { publicUserSchema } from '@/lib/openapi/responses';

export type PersonResult = z.infer<typeof publicUserSchema>;

const responseSchema = z.object({ users: z.array(publicUserSchema) });

/** Searches the directory as the person types (debounced), for the new-conversation dialogs. */
export function usePeopleSearch(query: string, enabled = true) {
  const [results, setResults] = useState<PersonResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      apiFetch<unknown>(`/api/v1/users?query=${encodeURIComponent(query.trim())}&limit=20`)
        .then((body) => {
          if (cancelled) return;
          setResults(responseSchema.parse(body).users);
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
