'use client';

import type { z } from 'zod';

import { apiFetch, ApiClientError } from '@/lib/api/client';

import {
  conversationResponseSchema,
  conversationsResponseSchema,
  messageResponseSchema,
  messagesResponseSchema,
  readResponseSchema,
  uploadResponseSchema,
  type AttachmentWire,
  type ConversationWire,
  type MessageWire,
} from './wire';

/**
 * The browser's calls to the conversation API. Responses are parsed with the same schemas the
 * server answers with, so a mismatch fails here and not three components later.
 */
async function call<T>(schema: z.ZodType<T>, path: string, init?: Parameters<typeof apiFetch>[1]) {
  const body = await apiFetch<unknown>(path, init);
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiClientError(
      0,
      'bad_response',
      'Parley answered something unexpected. Reload the page.',
    );
  return parsed.data;
}

const base = '/api/v1';

export const chatApi = {
  listConversations: async (): Promise<ConversationWire[]> =>
    (await call(conversationsResponseSchema, `${base}/conversations`)).conversations,

  getConversation: async (id: string): Promise<ConversationWire> =>
    (await call(conversationResponseSchema, `${base}/conversations/${id}`)).conversation,

  createDirect: async (userId: string) =>
    (
      await call(conversationResponseSchema, `${base}/conversations`, {
        method: 'POST',
        json: { kind: 'direct', memberIds: [userId] },
      })
    ).conversation,

  createGroup: async (name: string, memberIds: string[]) =>
    (
      await call(conversationResponseSchema, `${base}/conversations`, {
        method: 'POST',
        json: { kind: 'group', name, memberIds },
      })
    ).conversation,

  listMessages: (id: string, page: { before?: number; after?: number; limit?: number }) => {
    const q = new URLSearchParams();
    if (page.before !== undefined) q.set('before', String(page.before));
    if (page.after !== undefined) q.set('after', String(page.after));
    q.set('limit', String(page.limit ?? 50));
    return call(messagesResponseSchema, `${base}/conversations/${id}/messages?${q}`);
  },

  sendMessage: async (
    id: string,
    input: { body: string; clientId: string; replyToId?: string; attachmentIds?: string[] },
  ): Promise<MessageWire> =>
    (
      await call(messageResponseSchema, `${base}/conversations/${id}/messages`, {
        method: 'POST',
        json: input,
      })
    ).message,

  editMessage: async (id: string, body: string): Promise<MessageWire> =>
    (
      await call(messageResponseSchema, `${base}/messages/${id}`, {
        method: 'PATCH',
        json: { body },
      })
    ).message,

  deleteMessage: (id: string) => apiFetch<unknown>(`${base}/messages/${id}`, { method: 'DELETE' }),

  react: async (id: string, emoji: string, present: boolean): Promise<MessageWire> =>
    (
      await call(
        messageResponseSchema,
        `${base}/messages/${id}/reactions/${encodeURIComponent(emoji)}`,
        { method: present ? 'PUT' : 'DELETE' },
      )
    ).message,

  setMuted: async (id: string, muted: boolean): Promise<ConversationWire> =>
    (
      await call(conversationResponseSchema, `${base}/conversations/${id}/membership`, {
        method: 'PATCH',
        json: { muted },
      })
    ).conversation,

  markRead: (id: string, seq: number) =>
    call(readResponseSchema, `${base}/conversations/${id}/read`, { method: 'POST', json: { seq } }),
};

/**
 * Uploads an image with progress (fetch cannot report upload progress; XMLHttpRequest can).
 * Rejects with an ApiClientError carrying the server's message.
 */
export function uploadImage(
  file: File,
  onProgress: (fraction: number) => void,
): { promise: Promise<AttachmentWire>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<AttachmentWire>((resolve, reject) => {
    xhr.open('POST', `${base}/uploads`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiClientError(0, 'network', 'The upload failed. Check your connection and retry.'),
      );
    xhr.onabort = () => reject(new ApiClientError(0, 'aborted', 'Upload cancelled.'));
    xhr.onload = () => {
      const parsed = uploadResponseSchema.safeParse(xhr.response);
      if (xhr.status === 201 && parsed.success) return resolve(parsed.data.upload);
      const error = (xhr.response as { error?: { code?: string; message?: string } } | null)?.error;
      reject(
        new ApiClientError(
          xhr.status,
          error?.code ?? 'unknown',
          error?.message ?? `Upload failed (${xhr.status}).`,
        ),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
