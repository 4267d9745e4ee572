import type * as Party from 'partykit/server';

import type { PartyName } from '../lib/realtime/protocol';
import { verifyRoomToken } from '../lib/realtime/room-token';

/**
 * Shared gatekeeping for every party. People connect with a room token (minted by Next.js);
 * Next.js publishes with the server secret. The connection id (`_pk`) is chosen by the client
 * and is never identity: the verified user id travels to onConnect in USER_HEADER.
 */

export const USER_HEADER = 'x-parley-user';

function envString(lobby: Party.Lobby, name: string): string {
  const value = lobby.env[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${name} is not configured for PartyKit (npm run dev passes it with --var)`);
  }
  return value;
}

function deny(status: 401 | 403, message: string): Response {
  return new Response(
    JSON.stringify({ error: { code: status === 401 ? 'unauthorized' : 'forbidden', message } }),
    {
      status,
      headers: { 'content-type': 'application/json' },
    },
  );
}

export async function authorizeConnect(
  req: Party.Request,
  lobby: Party.Lobby,
  party: PartyName,
): Promise<Party.Request | Response> {
  const token = new URL(req.url).searchParams.get('token');
  const result = await verifyRoomToken({
    token,
    party,
    roomId: lobby.id,
    key: envString(lobby, 'ROOM_TOKEN_KEY'),
  });
  if (!result.ok) {
    return deny(
      401,
      result.reason === 'expired'
        ? 'room token expired: fetch a new one'
        : 'a valid room token is required',
    );
  }
  // Copy the headers, overwriting any USER_HEADER the client sent itself.
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers[USER_HEADER] = result.userId;
  return new Request(req.url, { method: req.method, headers }) as unknown as Party.Request;
}

/** Constant-time comparison so the secret cannot be guessed byte by byte from response times. */
function safeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export function authorizeRequest(req: Party.Request, lobby: Party.Lobby): Party.Request | Response {
  const header = req.headers.get('authorization') ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!presented || !safeEqual(presented, envString(lobby, 'PARTY_SECRET'))) {
    return deny(401, 'server secret required');
  }
  return req;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
