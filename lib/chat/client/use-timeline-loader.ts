'use client';

import 'client-only';
import { useCallback, useEffect, useRef, useState } from 'react';

import { useTimelineStore } from '@/lib/chat/client/timeline-store';

import { chatApi } from './api-client';
import { followUp } from './sync';

const PAGE = 50;

/**
 * Loads a conversation's latest page when it opens and older pages on demand (scrolling up).
 * Events arriving before the first page lands are held by the store, never lost.
 */
export function useTimelineLoader(conversationId: string) {
  const [error, setError] = useState<string | null>(null);
  const loadingOlder = useRef(false);

  useEffect(() => {
    let cancelled = false;
    useTimelineStore.getState().open(conversationId);
    chatApi
      .listMessages(conversationId, { limit: PAGE })
      .then((page) => {
        if (cancelled) return;
        followUp(
          conversationId,
          useTimelineStore.getState().applyPage(conversationId, page, 'latest'),
        );
        setError(null);
      })
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [conversationId]);

  const loadOlder = useCallback(async () => {
    const entry = useTimelineStore.getState().conversations[conversationId];
    const first = entry?.messages[0];
    if (!entry?.hasMoreBefore || !first || loadingOlder.current) return;
    loadingOlder.current = true;
    try {
      const page = await chatApi.listMessages(conversationId, { before: first.seq, limit: PAGE });
      useTimelineStore.getState().applyPage(conversationId, page, 'before');
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load older messages.');
    } finally {
      loadingOlder.current = false;
    }
  }, [conversationId]);

  return { error, loadOlder };
}
