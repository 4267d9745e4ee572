import { defineEndpoint, okResponseSchema } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';

import {
  pinPolicyResponseSchema,
  pinResponseSchema,
  pinsResponseSchema,
  setPinPolicySchema,
} from './schemas';

/**
 * Pinned messages. In a DM anyone may pin; in a group admins (and the owner) and the message's
 * author, or every member when the group's policy says so. Non-members get 404.
 */

const pinRateLimit = { name: 'pins', rule: { limit: 30, windowMs: 60_000 }, what: 'pin changes' };

export const pinMessageEndpoint = defineEndpoint({
  operationId: 'pinMessage',
  method: 'PUT',
  path: '/api/v1/messages/{id}/pin',
  tag: 'Pins',
  summary: 'Pin a message (at most 50 per conversation); pinning it again changes nothing',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Pinned', schema: pinResponseSchema } },
  rateLimit: pinRateLimit,
  errors: {
    forbidden: 'Not allowed to pin in this group',
    conflict: 'The message was deleted',
    validation_failed: 'The conversation holds 50 pins already, or a system message',
  },
});

export const unpinMessageEndpoint = defineEndpoint({
  operationId: 'unpinMessage',
  method: 'DELETE',
  path: '/api/v1/messages/{id}/pin',
  tag: 'Pins',
  summary: 'Unpin a message',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Unpinned (or was not pinned)', schema: okResponseSchema } },
  rateLimit: pinRateLimit,
  errors: { forbidden: 'Not allowed to unpin in this group' },
});

export const listPinsEndpoint = defineEndpoint({
  operationId: 'listPins',
  method: 'GET',
  path: '/api/v1/conversations/{id}/pins',
  tag: 'Pins',
  summary: 'A conversation’s pinned messages, the most recent first, and who may pin',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Pins', schema: pinsResponseSchema } },
});

export const setPinPolicyEndpoint = defineEndpoint({
  operationId: 'setPinPolicy',
  method: 'PUT',
  path: '/api/v1/conversations/{id}/pin-policy',
  tag: 'Pins',
  summary: 'Who may pin in a group: admins and the author (default), or everyone (admins only)',
  auth: 'session-or-token',
  params: idParamsSchema,
  body: setPinPolicySchema,
  responses: { 200: { description: 'The policy', schema: pinPolicyResponseSchema } },
  rateLimit: pinRateLimit,
  errors: { forbidden: 'Not an admin of the group, or a direct conversation' },
});
