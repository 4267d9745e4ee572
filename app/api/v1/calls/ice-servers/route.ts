import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getIceServersEndpoint } from '@/lib/calls/endpoints';
import { iceConfigFromEnv } from '@/lib/calls/server/config';
import { iceServersFor } from '@/lib/calls/ice-servers';

export const runtime = 'nodejs';

/**
 * STUN and TURN servers for RTCPeerConnection's `iceServers`. TURN credentials made with
 * TURN_SECRET expire after `ttlSeconds`: fetch again before each call. Nothing configured: [].
 */
export const GET = handle(getIceServersEndpoint, async ({ user }) =>
  json(await iceServersFor(iceConfigFromEnv(), user.id)),
);

export * from '@/lib/openapi/methods-not-taken';
