import { z } from 'zod';

import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { env, requireSecret } from '@/lib/env';
import { mintRoomToken } from '@/lib/realtime/room-token';

export const runtime = 'nodejs';

/** Rooms a client may ask for. `inbox` is the caller's own room (party `main`, room = user id). */
export const roomTokenRequestSchema = z.object({
  room: z.literal('inbox', { error: 'room must be "inbox"' }),
});

export const POST = authedRoute(
  {
    body: roomTokenRequestSchema,
    rateLimit: {
      name: 'realtime:token',
      rule: { limit: 60, windowMs: 60_000 },
      what: 'connection attempts',
    },
  },
  async ({ user }) => {
    const party = 'main' as const;
    const roomId = user.id;
    const { token, expiresAt } = await mintRoomToken({
      userId: user.id,
      party,
      roomId,
      key: requireSecret('ROOM_TOKEN_KEY'),
    });
    return json({
      token,
      host: env.PARTYKIT_HOST,
      party,
      roomId,
      expiresAt: expiresAt.toISOString(),
    });
  },
);
