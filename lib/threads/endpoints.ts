import { defineEndpoint } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';

import {
  followedThreadsQuerySchema,
  followedThreadsResponseSchema,
  threadMembershipResponseSchema,
  threadQuerySchema,
  threadReadSchema,
  threadResponseSchema,
} from './schemas';

/**
 * Threads. A reply is sent with POST /conversations/{id}/messages and `threadRootId` (and
 * `alsoSendToConversation`); these read a thread and keep one's place in it. `{id}` is the
 * root message; non-members of its conversation get 404.
 */

const notARoot = { validation_failed: 'The message is a reply in a thread, not a root' };

export const getThreadEndpoint = defineEndpoint({
  operationId: 'getThread',
  method: 'GET',
  path: '/api/v1/messages/{id}/thread',
  tag: 'Threads',
  summary: 'A thread: its root and a page of replies (ascending; before=/after= by seq)',
  auth: 'session-or-token',
  params: idParamsSchema,
  query: threadQuerySchema,
  responses: { 200: { description: 'The thread', schema: threadResponseSchema } },
  errors: notARoot,
});

export const markThreadReadEndpoint = defineEndpoint({
  operationId: 'markThreadRead',
  method: 'POST',
  path: '/api/v1/messages/{id}/thread/read',
  tag: 'Threads',
  summary: 'Move your read position in a thread forward (never back)',
  auth: 'session-or-token',
  params: idParamsSchema,
  body: threadReadSchema,
  responses: { 200: { description: 'Read position', schema: threadMembershipResponseSchema } },
  rateLimit: { name: 'threads:read', rule: { limit: 120, windowMs: 60_000 }, what: 'read updates' },
  errors: notARoot,
});

const followRateLimit = {
  name: 'threads:follow',
  rule: { limit: 30, windowMs: 60_000 },
  what: 'follow changes',
};

export const followThreadEndpoint = defineEndpoint({
  operationId: 'followThread',
  method: 'PUT',
  path: '/api/v1/messages/{id}/thread/follow',
  tag: 'Threads',
  summary: 'Follow a thread (its replies notify you and it shows in your Threads)',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Following', schema: threadMembershipResponseSchema } },
  rateLimit: followRateLimit,
  errors: notARoot,
});

export const unfollowThreadEndpoint = defineEndpoint({
  operationId: 'unfollowThread',
  method: 'DELETE',
  path: '/api/v1/messages/{id}/thread/follow',
  tag: 'Threads',
  summary: 'Stop following a thread',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Not following', schema: threadMembershipResponseSchema } },
  rateLimit: followRateLimit,
  errors: notARoot,
});

export const listFollowedThreadsEndpoint = defineEndpoint({
  operationId: 'listFollowedThreads',
  method: 'GET',
  path: '/api/v1/threads',
  tag: 'Threads',
  summary: 'Threads you follow in your conversations, unread ones first, with unread counts',
  auth: 'session-or-token',
  query: followedThreadsQuerySchema,
  responses: { 200: { description: 'Followed threads', schema: followedThreadsResponseSchema } },
});
