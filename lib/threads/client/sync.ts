'use client';

import 'client-only';
import { ApiClientError } from '@/lib/api/client';
import type { AttachmentWire } from '@/lib/chat/wire';

import { threadsApi } from './api';
import { useThreadsStore } from './threads-store';

/** Loads a thread's root and newest replies into the store (the panel opens on it). */
export async function loadThread(rootId: string): Promise<void> {
  const page = await threadsApi.getThread(rootId);
  useThreadsStore.getState().loaded(rootId, page, page.membership);
}

let refreshing: Promise<void> | null = null;
let again = false;

/**
 * Refreshes the followed threads and the sidebar's unread count. Frames about threads call it
 * often: one request at a time, and one more at the end if asked meanwhile.
 */
export function refreshFollowed(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    try {
      do {
        again = false;
        const { threads, unreadThreads } = await threadsApi.listFollowed();
        useThreadsStore.getState().setFollowed(threads, unreadThreads);
      } while (again);
    } catch {
      // Offline: the next frame or reconnect tries again.
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Moves my read position in the thread to its newest reply, then refreshes the counts. */
export async function markThreadRead(rootId: string, seq: number): Promise<void> {
  const held = useThreadsStore.getState().threads[rootId]?.membership;
  if (held && held.lastReadSeq >= seq) return;
  try {
    const { membership } = await threadsApi.markRead(rootId, seq);
    useThreadsStore.getState().membership(rootId, membership);
    void refreshFollowed();
  } catch {
    // Not fatal: the next reply or opening tries again.
  }
}

/** Sends a reply in the thread, shown as pending at once; the clientId makes a retry safe. */
export async function sendReply(input: {
  conversationId: string;
  rootId: string;
  meId: string;
  body: string;
  /** The message of the thread this one answers (shown quoted above it). */
  replyToId: string | null;
  alsoSendToConversation: boolean;
  attachments: AttachmentWire[];
}): Promise<void> {
  const clientId = crypto.randomUUID();
  const store = useThreadsStore.getState();
  store.addPending(input.rootId, {
    clientId,
    body: input.body,
    authorId: input.meId,
    createdAt: new Date().toISOString(),
    failed: null,
  });
  try {
    const message = await threadsApi.sendReply(input.conversationId, {
      body: input.body,
      clientId,
      threadRootId: input.rootId,
      replyToId: input.replyToId ?? undefined,
      alsoSendToConversation: input.alsoSendToConversation,
      attachmentIds: input.attachments.length ? input.attachments.map((a) => a.id) : undefined,
    });
    useThreadsStore.getState().confirm(input.rootId, clientId, message);
  } catch (error) {
    const reason =
      error instanceof ApiClientError ? error.message : 'Not sent. Check your connection.';
    useThreadsStore.getState().fail(input.rootId, clientId, reason);
  }
}
