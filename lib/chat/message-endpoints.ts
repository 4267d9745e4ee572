import { z } from 'zod';

import { defineEndpoint, okResponseSchema } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';

import {
  conversationParamsSchema,
  editMessageSchema,
  messagesQuerySchema,
  reactionParamsSchema,
  readSchema,
  sendMessageSchema,
} from './schemas';
import {
  messageResponseSchema,
  messagesResponseSchema,
  readResponseSchema,
  uploadResponseSchema,
} from './wire';

/** Messages, reactions, read positions and image uploads. Non-members always get 404. */

export const listMessagesEndpoint = defineEndpoint({
  operationId: 'listMessages',
  method: 'GET',
  path: '/api/v1/conversations/{id}/messages',
  tag: 'Messages',
  summary:
    'A page of messages, ascending by seq: before=<seq> for older, after=<seq> to catch up, around=<seq> centred on one',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  query: messagesQuerySchema,
  responses: { 200: { description: 'Messages', schema: messagesResponseSchema } },
});

export const sendMessageEndpoint = defineEndpoint({
  operationId: 'sendMessage',
  method: 'POST',
  path: '/api/v1/conversations/{id}/messages',
  tag: 'Messages',
  summary:
    'Send a message (threadRootId: a reply in that thread); the same clientId again answers 200 with the stored one',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  body: sendMessageSchema,
  responses: {
    201: { description: 'Sent', schema: messageResponseSchema },
    200: { description: 'Already sent with this clientId', schema: messageResponseSchema },
  },
  rateLimit: { name: 'messages:send', rule: { limit: 20, windowMs: 10_000 }, what: 'messages' },
  errors: { conflict: 'A thread reply to a deleted message' },
});

export const markReadEndpoint = defineEndpoint({
  operationId: 'markConversationRead',
  method: 'POST',
  path: '/api/v1/conversations/{id}/read',
  tag: 'Messages',
  summary: 'Move your read position forward (never back)',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  body: readSchema,
  responses: { 200: { description: 'Read position', schema: readResponseSchema } },
  rateLimit: {
    name: 'conversations:read',
    rule: { limit: 120, windowMs: 60_000 },
    what: 'read updates',
  },
});

const changeRateLimit = {
  name: 'messages:change',
  rule: { limit: 30, windowMs: 10_000 },
  what: 'edits',
};

export const editMessageEndpoint = defineEndpoint({
  operationId: 'editMessage',
  method: 'PATCH',
  path: '/api/v1/messages/{id}',
  tag: 'Messages',
  summary: 'Edit your message',
  auth: 'session-or-token',
  params: idParamsSchema,
  body: editMessageSchema,
  responses: { 200: { description: 'Edited', schema: messageResponseSchema } },
  rateLimit: changeRateLimit,
  errors: { forbidden: 'Not your message', conflict: 'The message was deleted' },
});

export const deleteMessageEndpoint = defineEndpoint({
  operationId: 'deleteMessage',
  method: 'DELETE',
  path: '/api/v1/messages/{id}',
  tag: 'Messages',
  summary: 'Delete your message (a tombstone keeps its place)',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Deleted', schema: okResponseSchema } },
  rateLimit: changeRateLimit,
  errors: { forbidden: 'Not your message', conflict: 'The message was deleted' },
});

const reactionRateLimit = {
  name: 'messages:react',
  rule: { limit: 60, windowMs: 10_000 },
  what: 'reactions',
};
const reactionErrors = {
  forbidden: 'A system message',
  conflict: 'The message was deleted',
  validation_failed: 'The message holds as many kinds of reaction as it may',
};

export const addReactionEndpoint = defineEndpoint({
  operationId: 'addReaction',
  method: 'PUT',
  path: '/api/v1/messages/{id}/reactions/{emoji}',
  tag: 'Messages',
  summary: 'Add your reaction (the emoji URL-encoded)',
  auth: 'session-or-token',
  params: reactionParamsSchema,
  responses: { 200: { description: 'Reacted', schema: messageResponseSchema } },
  rateLimit: reactionRateLimit,
  errors: reactionErrors,
});

export const removeReactionEndpoint = defineEndpoint({
  operationId: 'removeReaction',
  method: 'DELETE',
  path: '/api/v1/messages/{id}/reactions/{emoji}',
  tag: 'Messages',
  summary: 'Remove your reaction',
  auth: 'session-or-token',
  params: reactionParamsSchema,
  responses: { 200: { description: 'Removed', schema: messageResponseSchema } },
  rateLimit: reactionRateLimit,
  errors: reactionErrors,
});

export const createUploadEndpoint = defineEndpoint({
  operationId: 'createUpload',
  method: 'POST',
  path: '/api/v1/uploads',
  tag: 'Uploads',
  summary: 'Upload an image (PNG, JPEG, WebP or GIF, at most 10 MB) to attach to a message',
  auth: 'session-or-token',
  multipart: { field: 'file', description: 'The image' },
  responses: { 201: { description: 'Uploaded', schema: uploadResponseSchema } },
  rateLimit: { name: 'uploads', rule: { limit: 30, windowMs: 60_000 }, what: 'uploads' },
});

export const uploadQuerySchema = z.object({ size: z.enum(['full', 'thumb']).default('full') });

export const getUploadEndpoint = defineEndpoint({
  operationId: 'getUpload',
  method: 'GET',
  path: '/api/v1/uploads/{id}',
  tag: 'Uploads',
  summary: 'An attached image (?size=thumb for the thumbnail); members of its conversation only',
  auth: 'session-or-token',
  params: idParamsSchema,
  query: uploadQuerySchema,
  responses: { 200: { description: 'The image', contentType: 'image/webp' } },
});
