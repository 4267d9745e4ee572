import 'server-only';

import { decode, encode } from 'next-auth/jwt';

import { env, requireSecret } from '@/lib/env';
import type { User } from '@/lib/db/types';

/**
 * Session cookies in NextAuth's own format (an encrypted JWT), so sessions minted by our JSON
 * sign-up and sign-in routes and by NextAuth's OAuth callbacks are read the same way.
 * `sv` is the user's session version: "sign out everywhere" bumps it and older cookies stop working.
 * `sid` names the session's record (lib/auth/server/sessions.ts): deleting it signs that one browser out.
 */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

const secure = () => (env.NEXTAUTH_URL ?? '').startsWith('https://');
export const sessionCookieName = () => `${secure() ? '__Secure-' : ''}next-auth.session-token`;

export type SessionClaims = { sub: string; sv: number; sid: string | null };

/** The cookie for a session whose record `sid` exists (lib/auth/server/sessions.ts startSession). */
export async function mintSessionCookie(user: User, sid: string): Promise<string> {
  const value = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sv: user.sessionVersion, sid },
    secret: requireSecret('NEXTAUTH_SECRET'),
    maxAge: SESSION_MAX_AGE,
  });
  return serializeCookie(sessionCookieName(), value, SESSION_MAX_AGE);
}

export function clearSessionCookie(): string {
  return serializeCookie(sessionCookieName(), '', 0);
}

function serializeCookie(name: string, value: string, maxAge: number): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure() ? '; Secure' : ''}`;
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Decoded cookies, by their exact value, until the token's own expiry. Decoding derives the key
 * (HKDF) and decrypts on every call, the costliest step of most requests; the result depends only
 * on the value and the secret, so a value decoded once decodes the same until it expires.
 * Revocation never rested on decoding (sessionIsLive and `sv` are checked on every request).
 */
const MAX_DECODED = 10_000;
type Decoded = { claims: SessionClaims; expiresAt: number };
const holder = globalThis as unknown as { __parleyDecodedSessions?: Map<string, Decoded> };
const decoded = () => (holder.__parleyDecodedSessions ??= new Map<string, Decoded>());

/** Decodes a session cookie value; null when missing, expired, tampered with or malformed. */
export async function decodeSession(
  value: string | null,
  now = Date.now(),
): Promise<SessionClaims | null> {
  if (!value) return null;
  const entries = decoded();
  const hit = entries.get(value);
  if (hit && now < hit.expiresAt) return hit.claims;
  if (hit) entries.delete(value);
  try {
    const token = await decode({ token: value, secret: requireSecret('NEXTAUTH_SECRET') });
    if (!token || typeof token.sub !== 'string') return null;
    const claims: SessionClaims = Object.freeze({
      sub: token.sub,
      sv: typeof token.sv === 'number' ? token.sv : 0,
      sid: typeof token.sid === 'string' ? token.sid : null,
    });
    if (typeof token.exp === 'number') {
      if (entries.size >= MAX_DECODED) entries.clear();
      entries.set(value, { claims, expiresAt: token.exp * 1000 });
    }
    return claims;
  } catch {
    return null;
  }
}
