import 'server-only';

import { getStore } from '@/lib/db';
import type { User } from '@/lib/db/types';

import { hashApiToken, looksLikeApiToken } from './api-token';
import { decodeSession, readCookie, sessionCookieName } from './session';
import { sessionIsLive } from './sessions';

/**
 * Who is calling: a bearer API token (scripts and bots) or the session cookie (browsers).
 * A session whose version is older than the user's (after "sign out everywhere") is refused, and
 * so is one whose record was deleted (signed out from another device; lib/auth/server/sessions.ts).
 */
export async function authenticate(headers: Headers): Promise<User | null> {
  const store = await getStore();
  // The scheme is case-insensitive (RFC 9110), so "bearer" works too.
  const bearer = /^bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '');
  if (bearer?.[1]) {
    const token = bearer[1].trim();
    if (!looksLikeApiToken(token)) return null;
    const found = await store.useApiToken({ tokenHash: await hashApiToken(token) });
    return found?.user ?? null;
  }
  const claims = await decodeSession(readCookie(headers.get('cookie'), sessionCookieName()));
  if (!claims || !(await sessionIsLive(claims))) return null;
  const user = await store.getUserById({ id: claims.sub });
  return user && user.sessionVersion === claims.sv ? user : null;
}
