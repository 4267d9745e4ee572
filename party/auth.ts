import type * as Party from 'partykit/server';
import type { z } from 'zod';

import type { PartyName } from '../lib/realtime/protocol';
import { roomTokenClaimsSchema, verifyRoomToken } from '../lib/realtime/room-token';

/**
 * Shared gatekeeping for every party. People connect with a room token (minted by Next.js);
 * Next.js publishes with the server secret. The connection id (`_pk`) is chosen by the client
 * and is never identity: the verified user id travels to onConnect in USER_HEADER and the
 * token's contacts (JSON array) in CONTACTS_HEADER; both always overwrite what the client sent.
 */

export const USER_HEADER = 'x-parley-user';
export const CONTACTS_HEADER = 'x-parley-contacts';

export function envString(env: Record<string, unknown>, name: string): string {
  const value = env[name];
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
  // Copy the headers, overwriting any USER_HEADER the client sent itself.
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers[USER_HEADER] = result.userId;
  headers[CONTACTS_HEADER] = JSON.stringify(result.contacts);
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

export function hasServerSecret(req: Party.Request, env: Record<string, unknown>): boolean {
  const header = req.headers.get('authorization') ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
  return presented.length > 0 && safeEqual(presented, envString(env, 'PARTY_SECRET'));
}

export function authorizeRequest(req: Party.Request, lobby: Party.Lobby): Party.Request | Response {
  return hasServerSecret(req, lobby.env) ? req : deny(401, 'server secret required');
}

/**
 * For onRequest: a room-to-room fetch (`room.context.parties.<party>.get(id).fetch`) goes
 * straight to the target room and skips its onBeforeRequest, so rooms check the secret again.
 */
export function requireServerSecret(req: Party.Request, room: Party.Room): Response | null {
  return hasServerSecret(req, room.env) ? null : deny(401, 'server secret required');
}

/** The verified identity onBeforeConnect attached to the upgrade request, or null. */
export function connectIdentity(
  ctx: Party.ConnectionContext,
): { userId: string; contacts: string[] } | null {
  const userId = ctx.request.headers.get(USER_HEADER);
  if (!userId) return null;
  let contacts: unknown;
  try {
    contacts = JSON.parse(ctx.request.headers.get(CONTACTS_HEADER) ?? '[]');
  } catch {
    return null;
  }
  const parsed = roomTokenClaimsSchema.shape.contacts.safeParse(contacts);
  if (!parsed.success) return null;
  return { userId, contacts: parsed.data.filter((id) => id !== userId) };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function errorResponse(status: number, code: string, message: string): Response {
  return jsonResponse({ error: { code, message } }, status);
}

/** Reads a JSON body against a schema: 400 for non-JSON, 422 for a wrong shape. */
export async function readBody<T>(
  req: Party.Request,
  schema: z.ZodType<T>,
): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return { ok: false, response: errorResponse(400, 'bad_request', 'body is not JSON') };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid';
    return { ok: false, response: errorResponse(422, 'validation_failed', message) };
  }
  return { ok: true, data: parsed.data };
}
