'use client';

import 'client-only';
import { useCallback, useEffect, useRef, useState } from 'react';

import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { useConnectionStore } from '@/lib/realtime/client/connection-store';

import { chatApi } from './api-client';
import { followUp } from './sync';
import { canServeFromCache } from '../timeline-cache';

const PAGE = 50;

/**
 * Loads a conversation's latest page when it opens (unless the timeline this tab holds is
 * current: lib/chat/timeline-cache.ts) and older pages on demand (scrolling up).
 * Events arriving before the first page lands are held by the store, never lost.
 * Opened at a message (`aroundSeq`, from search), it loads the page around it instead, and
 * newer pages as the person scrolls down (`loadNewer`) until the window meets the present.
 */
export function useTimelineLoader(conversationId: string, aroundSeq: number | null = null) {
  const [error, setError] = useState<string | null>(null);
  const loadingOlder = useRef(false);
  const loadingNewer = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const around = aroundSeq !== null;
    const servedFromCache =
      !around &&
      canServeFromCache({
        held: useTimelineStore.getState().conversations[conversationId],
        conversationLastSeq: useConversationsStore.getState().byId[conversationId]?.lastSeq,
        inboxOpen: useConnectionStore.getState().status === 'open',
      });
    if (servedFromCache) return;
    useTimelineStore.getState().open(conversationId);
    chatApi
      .listMessages(conversationId, around ? { around: aroundSeq, limit: PAGE } : { limit: PAGE })
      .then((page) => {
        if (cancelled) return;
        const direction = around ? 'around' : 'latest';
        followUp(
          conversationId,
          useTimelineStore.getState().applyPage(conversationId, page, direction),
        );
        setError(null);
      })
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [conversationId, aroundSeq]);

  const loadNewer = useCallback(async () => {
    const entry = useTimelineStore.getState().conversations[conversationId];
    if (!entry?.hasMoreAfter || loadingNewer.current) return;
    loadingNewer.current = true;
    try {
      const page = await chatApi.listMessages(conversationId, {
        after: entry.lastSeq,
        limit: PAGE,
      });
      useTimelineStore.getState().applyPage(conversationId, page, 'after');
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load newer messages.');
    } finally {
      loadingNewer.current = false;
    }
  }, [conversationId]);

  /** Leaves a window in the past for the present: the latest page replaces it. */
  const loadLatest = useCallback(async () => {
    try {
      const page = await chatApi.listMessages(conversationId, { limit: PAGE });
      followUp(
        conversationId,
        useTimelineStore.getState().applyPage(conversationId, page, 'latest'),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load the latest messages.');
    }
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

  return { error, loadOlder, loadNewer, loadLatest };
}
