'use client';

import 'client-only';
import { ApiClientError } from '@/lib/api/client';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';

import { chatApi } from './api-client';
import { followUp } from './sync';
import type { PendingMessage } from '../timeline';
import type { AttachmentWire } from '../wire';

function reason(error: unknown): string {
  if (error instanceof ApiClientError) {
    if (error.status === 429)
      return `You are sending messages too fast. Wait ${error.retryAfterSeconds ?? 10} s, then retry.`;
    return error.message;
  }
  return 'Not sent. Check your connection, then retry.';
}

async function deliver(message: PendingMessage, meId: string): Promise<void> {
  try {
    const sent = await chatApi.sendMessage(message.conversationId, {
      body: message.body,
      clientId: message.clientId,
      replyToId: message.replyToId ?? undefined,
      attachmentIds: message.attachments.length ? message.attachments.map((a) => a.id) : undefined,
    });
    useConversationsStore.getState().messageArrived(sent, meId);
    followUp(message.conversationId, useTimelineStore.getState().confirm(message.clientId, sent));
  } catch (error) {
    useTimelineStore.getState().markFailed(message.conversationId, message.clientId, reason(error));
  }
}

/**
 * Shows the message as pending at once, then sends it. The clientId makes a retry safe: the
 * server answers a repeat with the message it already stored.
 */
export function sendNew(input: {
  conversationId: string;
  meId: string;
  body: string;
  replyToId: string | null;
  attachments: AttachmentWire[];
}): Promise<void> {
  const message: PendingMessage = {
    clientId: crypto.randomUUID(),
    conversationId: input.conversationId,
    authorId: input.meId,
    body: input.body,
    replyToId: input.replyToId,
    attachments: input.attachments,
    createdAt: new Date().toISOString(),
    status: 'pending',
    error: null,
  };
  useTimelineStore.getState().addPending(message);
  return deliver(message, input.meId);
}

export function retrySend(message: PendingMessage, meId: string): Promise<void> {
  useTimelineStore.getState().addPending(message);
  return deliver({ ...message, status: 'pending', error: null }, meId);
}
