'use client';

import 'client-only';
import { useEffect } from 'react';

import { useCallStore, type LiveCall } from '@/lib/calls/client/call-store';
import { useConnectionStore } from '@/lib/realtime/client/connection-store';

import { callsApi } from './api';

/**
 * The conversation's ringing or active call: asked once when the conversation opens (and again
 * after the realtime link comes back), then kept current by the inbox's call events.
 */
export function useLiveCall(conversationId: string): LiveCall | null {
  const status = useConnectionStore((s) => s.status);
  useEffect(() => {
    if (status !== 'open') return;
    let cancelled = false;
    callsApi
      .live(conversationId)
      .then((call) => {
        if (!cancelled) useCallStore.getState().setLive(conversationId, call);
      })
      .catch(() => {
        // The header just shows the start buttons; the events still arrive.
      });
    return () => {
      cancelled = true;
    };
  }, [conversationId, status]);
  return useCallStore((s) => s.live[conversationId]) ?? null;
}
