import 'server-only';

import { jwtVerify, SignJWT } from 'jose';

import { requireSecret } from '@/lib/env';

/**
 * The proof, between the two steps of a two-factor sign-in, that the password was right: a
 * short-lived signed token (5 minutes) naming the person. It is not a session and opens nothing
 * but the code step.
 */
const PURPOSE = 'parley:two-factor-sign-in';
const LIFETIME_SECONDS = 5 * 60;

const key = () => new TextEncoder().encode(`${PURPOSE}:${requireSecret('NEXTAUTH_SECRET')}`);

export function issueChallenge(userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setAudience(PURPOSE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key());
}

/** The user id the challenge was issued for, or null when it is invalid or expired. */
export async function readChallenge(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { audience: PURPOSE, algorithms: ['HS256'] });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
