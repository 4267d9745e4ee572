import type * as Party from 'partykit/server';

import type { PartyName } from '../lib/realtime/protocol';
import { roomTokenClaimsSchema, verifyRoomToken } from '../lib/realtime/room-token';
import type { ConnectIdentity } from '../lib/rooms/host';
import { hasServerSecret } from '../lib/rooms/http';

/**
 * PartyKit's gatekeeping, before a room program sees anything. People connect with a room token
 * (minted by Next.js); Next.js publishes with the server secret. The connection id (`_pk`) is
 * chosen by the client and is never identity: the verified user id, the token's contacts (JSON
 * array) and its `iat` travel to onConnect in headers that always overwrite what the client sent.
 */

const USER_HEADER = 'x-parley-user';
const CONTACTS_HEADER = 'x-parley-contacts';
const ISSUED_AT_HEADER = 'x-parley-issued-at';

export function envString(env: Record<string, unknown>, name: string): string {
  const value = env[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${name} is not configured for PartyKit (npm run dev passes it with --var)`);
  }
  return value;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function deny(status: 401 | 403, message: string): Response {
  return jsonResponse(
    { error: { code: status === 401 ? 'unauthorized' : 'forbidden', message } },
    status,
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
    key: envString(lobby.env, 'ROOM_TOKEN_KEY'),
  });
  if (!result.ok) {
    return deny(
      401,
      result.reason === 'expired'
        ? 'room token expired: fetch a new one'
        : 'a valid room token is required',
    );
  }
  // Copy the headers, overwriting any identity header the client sent itself.
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers[USER_HEADER] = result.userId;
  headers[CONTACTS_HEADER] = JSON.stringify(result.contacts);
  headers[ISSUED_AT_HEADER] = String(result.issuedAt);
  return new Request(req.url, { method: req.method, headers }) as unknown as Party.Request;
}

export function authorizeRequest(req: Party.Request, lobby: Party.Lobby): Party.Request | Response {
  return hasServerSecret(req.headers.get('authorization'), envString(lobby.env, 'PARTY_SECRET'))
    ? req
    : deny(401, 'server secret required');
}

/** The verified identity onBeforeConnect attached to the upgrade request, or null. */
export function connectIdentity(ctx: Party.ConnectionContext): ConnectIdentity | null {
  const userId = ctx.request.headers.get(USER_HEADER);
  const issuedAt = Number(ctx.request.headers.get(ISSUED_AT_HEADER) ?? NaN);
  if (!userId || !Number.isInteger(issuedAt)) return null;
  let contacts: unknown;
  try {
    contacts = JSON.parse(ctx.request.headers.get(CONTACTS_HEADER) ?? '[]');
  } catch {
    return null;
  }
  const parsed = roomTokenClaimsSchema.shape.contacts.safeParse(contacts);
  if (!parsed.success) return null;
  return { userId, contacts: parsed.data.filter((id) => id !== userId), issuedAt };
}
