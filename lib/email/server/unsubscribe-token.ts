import 'server-only';

import { hkdfSync } from 'node:crypto';

import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

import { requireSecret } from '@/lib/env';

/**
 * The signed link in every digest that turns digests off without signing in (RFC 8058 one-click
 * too). An HS256 JWT: subject = the person, `purpose` = email-unsubscribe, valid for a year (old
 * emails keep working). Its key is derived from NEXTAUTH_SECRET under its own label, so no other
 * token the app signs can pass for one, and it cannot pass for any other.
 */
export const UNSUBSCRIBE_PURPOSE = 'email-unsubscribe';
export const UNSUBSCRIBE_TTL_SECONDS = 365 * 24 * 3600;
const ISSUER = 'parley';

let cachedKey: { secret: string; key: Uint8Array } | undefined;

function unsubscribeKey(secret = requireSecret('NEXTAUTH_SECRET')): Uint8Array {
  if (cachedKey?.secret !== secret) {
    const key = new Uint8Array(
      hkdfSync('sha256', secret, '', `parley/${UNSUBSCRIBE_PURPOSE}/v1`, 32),
    );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

export async function mintUnsubscribeToken(input: {
  userId: string;
  now?: Date;
  ttlSeconds?: number;
  /** Tests only: sign with another key (a forged token). */
  key?: Uint8Array;
  /** Tests only: another purpose. */
  purpose?: string;
}): Promise<string> {
  const issuedAt = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ purpose: input.purpose ?? UNSUBSCRIBE_PURPOSE })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(input.userId)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (input.ttlSeconds ?? UNSUBSCRIBE_TTL_SECONDS))
    .sign(input.key ?? unsubscribeKey());
}

export type UnsubscribeTokenResult =
  { ok: true; userId: string } | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyUnsubscribeToken(
  token: string | null | undefined,
  opts: { now?: Date } = {},
): Promise<UnsubscribeTokenResult> {
  if (!token) return { ok: false, reason: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, unsubscribeKey(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      requiredClaims: ['sub', 'exp'],
      ...(opts.now ? { currentDate: opts.now } : {}),
    });
    if (payload.purpose !== UNSUBSCRIBE_PURPOSE || !payload.sub)
      return { ok: false, reason: 'invalid' };
    return { ok: true, userId: payload.sub };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}
