import { NextResponse, type NextRequest } from 'next/server';

import { badPathResponse, pathDecodes } from '@/lib/api/path-encoding';
import { decodeSession, readCookie, sessionCookieName } from '@/lib/auth/session';

/** App pages a signed-out person is sent to sign-in from. */
const SIGNED_IN_PAGES = /^\/(settings|chats|admin)(\/|$)/;

/**
 * Runs before Next.js routes anything:
 * - a path that does not percent-decode is a JSON 400 here (Next.js would answer a plain-text 500
 *   for it while decoding dynamic segments, before any handler could);
 * - signed-out people who open an app page go to sign-in, and back afterwards. That is only the
 *   fast path: pages and API routes check the session themselves (a revoked session passes here).
 */
export async function proxy(req: NextRequest) {
  if (!pathDecodes(rawPathname(req))) return badPathResponse();
  if (!SIGNED_IN_PAGES.test(req.nextUrl.pathname)) return NextResponse.next();
  const claims = await decodeSession(readCookie(req.headers.get('cookie'), sessionCookieName()));
  if (claims) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/** The path as sent (still percent-encoded), without the query. */
function rawPathname(req: NextRequest): string {
  return new URL(req.url).pathname;
}

// Everything but the build's static files (hashed names, never dynamic segments).
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
