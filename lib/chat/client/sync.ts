'use client';

import 'client-only';
import { useTimelineStore, type GapCheck } from '@/lib/chat/client/timeline-store';

import { chatApi } from './api-client';

/**
 * Catching up: a gap in seq, a reconnect or a tab waking from sleep fetches `after=<lastSeq>`
 * until the server has nothing newer. One catch-up per conversation at a time; a request made
 * while one runs sets a flag so it runs once more at the end rather than in parallel.
 */
const running = new Map<string, { again: boolean }>();

export async function catchUp(conversationId: string): Promise<void> {
  const current = running.get(conversationId);
  if (current) {
    current.again = true;
    return;
  }
  const state = { again: false };
  running.set(conversationId, state);
  try {
    for (let round = 0; round < 50; round++) {
      const entry = useTimelineStore.getState().conversations[conversationId];
      if (!entry?.loadedLatest) return;
      const page = await chatApi.listMessages(conversationId, { after: entry.lastSeq, limit: 100 });
      const check = useTimelineStore.getState().applyPage(conversationId, page, 'after');
      if (!check.gap && !state.again) return;
      state.again = false;
    }
  } catch {
    // Offline or the server is away: the next reconnect or wake-up tries again.
  } finally {
    running.delete(conversationId);
  }
}

export function followUp(conversationId: string, check: GapCheck): void {
  if (check.gap) void catchUp(conversationId);
}

/** After a reconnect or wake-up: every conversation this tab holds catches up. */
export function catchUpAll(): void {
  for (const [id, entry] of Object.entries(useTimelineStore.getState().conversations))
    if (entry.loadedLatest) void catchUp(id);
}
