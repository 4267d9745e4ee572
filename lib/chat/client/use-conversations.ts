'use client';

import 'client-only';
import { useEffect } from 'react';

import { useConnectionStore } from '@/lib/realtime/client/connection-store';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { toast } from '@/lib/ui/client/toast-store';

import { chatApi } from './api-client';

/** Loads the caller's conversations, and loads them again whenever the realtime link comes back. */
export function useConversationsLoader() {
  const status = useConnectionStore((s) => s.status);
  useEffect(() => {
    if (status !== 'open') return;
    let cancelled = false;
    chatApi
      .listConversations()
      .then((list) => {
        if (!cancelled) useConversationsStore.getState().setAll(list);
      })
      .catch((error: Error) => {
        toast({
          title: 'Could not load conversations',
          description: error.message,
          variant: 'error',
        });
      });
    return () => {
      cancelled = true;
    };
  }, [status]);
}

/** Refetches one conversation (after a rename or membership change); drops it on 404. */
export async function refreshConversation(id: string): Promise<void> {
  try {
    useConversationsStore.getState().upsert(await chatApi.getConversation(id));
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 404)
      useConversationsStore.getState().remove(id);
  }
}
