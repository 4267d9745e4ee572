import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { z } from 'zod';

import { roomIdSchema, type PartyName } from './protocol';

/**
 * Short-lived room tokens: HS256 JWTs minted by Next.js for a person who may join a room and
 * verified by the party in onBeforeConnect. subject = user id, audience = `<party>/<room>`, so a
 * token for one room never opens another. This module runs in Node, the edge and workerd.
 */

export const ROOM_TOKEN_ISSUER = 'parley';
/**
 * Inbox and conversation tokens live ten minutes, and the browser reuses one until shortly
 * before it expires (lib/realtime/token-cache.ts): a token request per socket (re)connect was a
 * fifth of a team's function invocations (#19). An inbox token opens only the holder's own room.
 * A conversation token is minted for members only, and a token only matters at connect time; the
 * conversation room closes a removed member's sockets and refuses tokens issued before the
 * removal for as long as such a token can live (REMOVAL_MEMORY_MS follows this). Inbox and
 * conversation tokens also open the holder's most recently active conversations
 * (MAX_TOKEN_CONVERSATIONS, each a membership when minted), so opening one asks for nothing.
 * The trade-off: a leaked token opens those rooms' live state (typing, live read receipts, who is
 * looking; never messages, which go to inboxes) for ten minutes instead of one room for one
 * minute, and if the publish announcing a removal never reached a room, the removed member's
 * token still connects there until it expires.
 */
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;
/**
 * Call tokens live one minute: a call ends, and the call room refuses any token once it has;
 * people join a call once, so there is nothing to reuse.
 */
export const SHORT_ROOM_TOKEN_TTL_SECONDS = 60;

export function roomTokenTtlSeconds(party: PartyName): number {
  return party === 'call' ? SHORT_ROOM_TOKEN_TTL_SECONDS : ROOM_TOKEN_TTL_SECONDS;
}
/**
 * An inbox or conversation token also opens the holder's most recently active conversations'
 * rooms, up to this many (an audience each; membership checked when it is minted), so opening
 * one of them needs no token request of its own (#19). Bounded so the token, which travels in the
 * socket URL with the contacts, stays a few kilobytes.
 */
export const MAX_TOKEN_CONVERSATIONS = 50;

/** Bounds an inbox room's presence fan-out: one update reaches at most this many rooms. */
export const MAX_PRESENCE_CONTACTS = 200;

/**
 * `contacts`: the people the holder shares a conversation with, whose presence the inbox room
 * exchanges. Absent means none; a malformed or oversized claim makes the token invalid.
 */
export const roomTokenClaimsSchema = z.object({
  contacts: z.array(roomIdSchema).max(MAX_PRESENCE_CONTACTS).default([]),
});
export type RoomTokenClaims = z.input<typeof roomTokenClaimsSchema>;

export function roomAudience(party: PartyName, roomId: string): string {
  return `${party}/${roomId}`;
}

function audiences(
  party: PartyName,
  roomId: string,
  alsoOpens: { party: PartyName; roomId: string }[] = [],
): string | string[] {
  const first = roomAudience(party, roomId);
  const rest = alsoOpens.map((room) => roomAudience(room.party, room.roomId));
  const all = [...new Set([first, ...rest])];
  return all.length === 1 ? first : all;
}

function keyBytes(key: string): Uint8Array {
  return new TextEncoder().encode(key);
}

/**
 * Callers list contacts most relevant first (for example by latest activity): duplicates and the
 * holder are dropped, and only the first MAX_PRESENCE_CONTACTS are kept so minting never fails
 * for a person with many conversations.
 */
export async function mintRoomToken(opts: {
  userId: string;
  party: PartyName;
  roomId: string;
  key: string;
  claims?: RoomTokenClaims;
  /** Other rooms the same token opens (more audiences); the holder's conversations only. */
  alsoOpens?: { party: PartyName; roomId: string }[];
  ttlSeconds?: number;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const exp = issuedAt + (opts.ttlSeconds ?? roomTokenTtlSeconds(opts.party));
  const contacts = [...new Set(opts.claims?.contacts ?? [])]
    .filter((id) => id !== opts.userId)
    .slice(0, MAX_PRESENCE_CONTACTS);
  // Parse before signing: a token we mint must be one we accept.
  const claims = roomTokenClaimsSchema.parse({ contacts });
  const token = await new SignJWT(claims.contacts.length > 0 ? claims : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(opts.userId)
    .setAudience(audiences(opts.party, opts.roomId, opts.alsoOpens))
    .setIssuer(ROOM_TOKEN_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(exp)
    .sign(keyBytes(opts.key));
  return { token, expiresAt: new Date(exp * 1000) };
}

export type RoomTokenFailure = 'missing' | 'expired' | 'invalid';

export async function verifyRoomToken(opts: {
  token: string | null | undefined;
  party: PartyName;
  roomId: string;
  key: string;
}): Promise<
  | { ok: true; userId: string; contacts: string[]; issuedAt: number }
  | { ok: false; reason: RoomTokenFailure }
> {
  if (!opts.token) return { ok: false, reason: 'missing' };
  try {
    const { payload } = await jwtVerify(opts.token, keyBytes(opts.key), {
      algorithms: ['HS256'],
      audience: roomAudience(opts.party, opts.roomId),
      issuer: ROOM_TOKEN_ISSUER,
    });
    // Rooms compare `iat` with removals, so a token without it is no token.
    if (!payload.sub || typeof payload.iat !== 'number') return { ok: false, reason: 'invalid' };
    const claims = roomTokenClaimsSchema.safeParse({ contacts: payload.contacts });
    if (!claims.success) return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      userId: payload.sub,
      contacts: claims.data.contacts,
      issuedAt: payload.iat,
    };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}
