import { z } from 'zod';

/** Rooms a client may ask a token for. `inbox` is the caller's own room (party `main`, room = user id). */
export const roomTokenRequestSchema = z.object({
  room: z.literal('inbox', { error: 'room must be "inbox"' }),
});
