import { defineEndpoint } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';
import { conversationParamsSchema } from '@/lib/chat/schemas';

import { iceServersResponseSchema } from './ice-servers';
import {
  callActionSchema,
  callResponseSchema,
  liveCallResponseSchema,
  startCallSchema,
} from './wire';

/** Calls: members of the call's conversation only (everyone else gets 404). */

export const getLiveCallEndpoint = defineEndpoint({
  operationId: 'getLiveCall',
  method: 'GET',
  path: '/api/v1/conversations/{id}/calls',
  tag: 'Calls',
  summary: 'The conversation’s ringing or active call, or null',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  responses: { 200: { description: 'Live call', schema: liveCallResponseSchema } },
});

export const startCallEndpoint = defineEndpoint({
  operationId: 'startCall',
  method: 'POST',
  path: '/api/v1/conversations/{id}/calls',
  tag: 'Calls',
  summary: 'Start a call (201); 200 with the live call when there is one already (you joined it)',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  body: startCallSchema,
  responses: {
    201: { description: 'Ringing', schema: callResponseSchema },
    200: { description: 'Joined the live call', schema: callResponseSchema },
  },
  rateLimit: { name: 'calls:start', rule: { limit: 10, windowMs: 60_000 }, what: 'calls' },
  errors: { conflict: 'The conversation is in a call that cannot take you' },
});

export const getCallEndpoint = defineEndpoint({
  operationId: 'getCall',
  method: 'GET',
  path: '/api/v1/calls/{id}',
  tag: 'Calls',
  summary: 'One call (members of its conversation)',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Call', schema: callResponseSchema } },
});

export const actOnCallEndpoint = defineEndpoint({
  operationId: 'actOnCall',
  method: 'POST',
  path: '/api/v1/calls/{id}',
  tag: 'Calls',
  summary: 'Accept (or join), decline or hang up a call',
  auth: 'session-or-token',
  params: idParamsSchema,
  body: callActionSchema,
  responses: { 200: { description: 'Call', schema: callResponseSchema } },
  rateLimit: {
    name: 'calls:action',
    rule: { limit: 60, windowMs: 60_000 },
    what: 'call actions',
  },
  errors: { conflict: 'The call has ended, is still ringing, or is your own' },
});

export const getIceServersEndpoint = defineEndpoint({
  operationId: 'getIceServers',
  method: 'GET',
  path: '/api/v1/calls/ice-servers',
  tag: 'Calls',
  summary: 'STUN and TURN servers for WebRTC (TURN credentials expire after ttlSeconds)',
  auth: 'session-or-token',
  responses: { 200: { description: 'ICE servers', schema: iceServersResponseSchema } },
  rateLimit: {
    name: 'calls:ice-servers',
    rule: { limit: 30, windowMs: 60_000 },
    what: 'ICE server requests',
  },
});
