import { z } from 'zod';

/**
 * Rooms a client may ask a token for: `inbox` is the caller's own room (party `main`, room =
 * user id); `conversation` is a conversation's room, for members only.
 */
export const roomTokenRequestSchema = z.discriminatedUnion(
  'room',
  [
    z.object({ room: z.literal('inbox') }),
    z.object({ room: z.literal('conversation'), conversationId: z.string().min(1).max(64) }),
  ],
  { error: 'room must be "inbox" or "conversation"' },
);
