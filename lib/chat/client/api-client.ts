'use client';

import 'client-only';
import { ApiClientError, callEndpoint, readAnswer, type CallOptions } from '@/lib/api/client';
import { updateMembershipEndpoint } from '@/lib/notifications/endpoints';

import {
  createConversationEndpoint,
  getConversationEndpoint,
  listConversationsEndpoint,
} from '../conversation-endpoints';
import {
  addReactionEndpoint,
  createUploadEndpoint,
  deleteMessageEndpoint,
  editMessageEndpoint,
  listMessagesEndpoint,
  markReadEndpoint,
  removeReactionEndpoint,
  sendMessageEndpoint,
} from '../message-endpoints';
import type { AttachmentWire, ConversationWire, MessageWire } from '../wire';

/**
 * The browser's calls to the conversation API, through the endpoint descriptors: answers are
 * parsed with the schemas the server answers with, so a mismatch fails here and not three
 * components later.
 */
export const chatApi = {
  listConversations: async (): Promise<ConversationWire[]> =>
    (await callEndpoint(listConversationsEndpoint)).conversations,

  getConversation: async (id: string): Promise<ConversationWire> =>
    (await callEndpoint(getConversationEndpoint, { params: { id } })).conversation,

  createDirect: async (userId: string) =>
    (
      await callEndpoint(createConversationEndpoint, {
        body: { kind: 'direct', memberIds: [userId] },
      })
    ).conversation,

  createGroup: async (name: string, memberIds: string[]) =>
    (
      await callEndpoint(createConversationEndpoint, {
        body: { kind: 'group', name, memberIds },
      })
    ).conversation,

  listMessages: (
    id: string,
    page: { before?: number; after?: number; around?: number; limit?: number },
  ) =>
    callEndpoint(listMessagesEndpoint, {
      params: { id },
      query: {
        before: page.before,
        after: page.after,
        around: page.around,
        limit: page.limit ?? 50,
      },
    }),

  sendMessage: async (
    id: string,
    input: { body: string; clientId: string; replyToId?: string; attachmentIds?: string[] },
  ): Promise<MessageWire> =>
    (await callEndpoint(sendMessageEndpoint, { params: { id }, body: input })).message,

  editMessage: async (id: string, body: string): Promise<MessageWire> =>
    (await callEndpoint(editMessageEndpoint, { params: { id }, body: { body } })).message,

  deleteMessage: (id: string) => callEndpoint(deleteMessageEndpoint, { params: { id } }),

  react: async (id: string, emoji: string, present: boolean): Promise<MessageWire> =>
    (
      await callEndpoint(present ? addReactionEndpoint : removeReactionEndpoint, {
        params: { id, emoji },
      })
    ).message,

  setMuted: async (id: string, muted: boolean): Promise<ConversationWire> =>
    (await callEndpoint(updateMembershipEndpoint, { params: { id }, body: { muted } }))
      .conversation,

  markRead: (id: string, seq: number, options?: CallOptions) =>
    callEndpoint(markReadEndpoint, { params: { id }, body: { seq } }, options),
};

/**
 * Uploads an image with progress (fetch cannot report upload progress; XMLHttpRequest can).
 * The answer is read like every other (`readAnswer`): parsed, or an ApiClientError carrying the
 * server's message.
 */
export function uploadImage(
  file: File,
  onProgress: (fraction: number) => void,
): { promise: Promise<AttachmentWire>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<AttachmentWire>((resolve, reject) => {
    xhr.open(createUploadEndpoint.method, createUploadEndpoint.path);
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
      try {
        const answer = readAnswer(createUploadEndpoint, {
          status: xhr.status,
          body: xhr.response as unknown,
          retryAfter: xhr.getResponseHeader('retry-after'),
        });
        resolve(answer.upload);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const form = new FormData();
    form.append(createUploadEndpoint.multipart.field, file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
