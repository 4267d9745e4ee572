import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { iceConfigFromEnv } from '@/lib/calls/config';
import { iceServersFor } from '@/lib/calls/ice-servers';

export const runtime = 'nodejs';

/**
 * STUN and TURN servers for RTCPeerConnection's `iceServers`. TURN credentials made with
 * TURN_SECRET expire after `ttlSeconds`: fetch again before each call. Nothing configured: [].
 */
export const GET = authedRoute(
  {
    rateLimit: {
      name: 'calls:ice-servers',
      rule: { limit: 30, windowMs: 60_000 },
      what: 'ICE server requests',
    },
  },
  async ({ user }) => json(await iceServersFor(iceConfigFromEnv(), user.id)),
);
