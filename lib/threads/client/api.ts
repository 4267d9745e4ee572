'use client';

import 'client-only';
import { callEndpoint } from '@/lib/api/client';
import { sendMessageEndpoint } from '@/lib/chat/message-endpoints';
import type { MessageWire } from '@/lib/chat/wire';

import {
  followThreadEndpoint,
  getThreadEndpoint,
  listFollowedThreadsEndpoint,
  markThreadReadEndpoint,
  unfollowThreadEndpoint,
} from '../endpoints';

/** The browser's calls to the thread API, parsed with the server's schemas. */
export const threadsApi = {
  getThread: (rootId: string, page: { before?: number; after?: number; limit?: number } = {}) =>
    callEndpoint(getThreadEndpoint, {
      params: { id: rootId },
      query: { before: page.before, after: page.after, limit: page.limit ?? 50 },
    }),

  sendReply: async (
    conversationId: string,
    input: {
      body: string;
      clientId: string;
      threadRootId: string;
      replyToId?: string;
      alsoSendToConversation: boolean;
      attachmentIds?: string[];
    },
  ): Promise<MessageWire> =>
    (await callEndpoint(sendMessageEndpoint, { params: { id: conversationId }, body: input }))
      .message,

  markRead: (rootId: string, seq: number) =>
    callEndpoint(markThreadReadEndpoint, { params: { id: rootId }, body: { seq } }),

  setFollowing: (rootId: string, following: boolean) =>
    callEndpoint(following ? followThreadEndpoint : unfollowThreadEndpoint, {
      params: { id: rootId },
    }),

  listFollowed: () => callEndpoint(listFollowedThreadsEndpoint, { query: { limit: 50 } }),
};
