import { z } from 'zod';

/**
 * Rooms a client may ask a token for: `inbox` is the caller's own room (party `main`, room =
 * user id); `conversation` is a conversation's room, for members only; `call` is a live call's
 * room (party `call`, room = call id), for members of the call's conversation only.
 */
export const roomTokenRequestSchema = z.discriminatedUnion(
  'room',
  [
    z.object({ room: z.literal('inbox') }),
    z.object({ room: z.literal('conversation'), conversationId: z.string().min(1).max(64) }),
    z.object({ room: z.literal('call'), callId: z.string().min(1).max(64) }),
  ],
  { error: 'room must be "inbox", "conversation" or "call"' },
);
