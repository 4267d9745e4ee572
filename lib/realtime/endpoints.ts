import { z } from 'zod';

import { defineEndpoint } from '@/lib/api/endpoint';

import { roomTokenRequestSchema } from './schemas';

export const roomTokenResponseSchema = z.object({
  token: z.string(),
  host: z.string(),
  party: z.enum(['main', 'conversation', 'call']),
  roomId: z.string(),
  expiresAt: z.iso.datetime(),
  /**
   * Conversations (ids) whose rooms the same token also opens: the caller's most recently active
   * ones. Absent for call rooms.
   */
  alsoOpens: z.array(z.string()).optional(),
});
export type RoomToken = z.infer<typeof roomTokenResponseSchema>;

export const createRoomTokenEndpoint = defineEndpoint({
  operationId: 'createRoomToken',
  method: 'POST',
  path: '/api/v1/realtime/token',
  tag: 'Realtime',
  summary: 'A short-lived token for a PartyKit room',
  auth: 'session-or-token',
  body: roomTokenRequestSchema,
  responses: { 200: { description: 'Room token', schema: roomTokenResponseSchema } },
  rateLimit: {
    name: 'realtime:token',
    rule: { limit: 60, windowMs: 60_000 },
    what: 'connection attempts',
  },
  errors: {
    not_found: 'Not a member of the conversation or call',
    conflict: 'The call has ended',
  },
});
