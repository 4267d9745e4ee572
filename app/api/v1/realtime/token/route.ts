import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { env, requireSecret } from '@/lib/env';
import { mintRoomToken } from '@/lib/realtime/room-token';
import { roomTokenRequestSchema } from '@/lib/realtime/schemas';

export const runtime = 'nodejs';

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
