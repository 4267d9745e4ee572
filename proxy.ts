import { NextResponse, type NextRequest } from 'next/server';

import { contentSecurityPolicy } from '@/lib/api/csp';
import { badPathResponse, pathDecodes } from '@/lib/api/path-encoding';
import { decodeSession, readCookie, sessionCookieName } from '@/lib/auth/server/session';
import { env } from '@/lib/env';

/** App pages a signed-out person is sent to sign-in from. */
const SIGNED_IN_PAGES = /^\/(settings|chats|admin)(\/|$)/;

/**
 * Runs before Next.js routes anything (see `config` for where):
 * - a path that does not percent-decode is a JSON 400 here (Next.js would answer a plain-text 500
 *   for it while decoding dynamic segments, before any handler could), and a callbackUrl with
 *   control or non-ASCII characters is dropped;
 * - signed-out people who open an app page go to sign-in, and back afterwards. That is only the
 *   fast path: pages and API routes check the session themselves (a revoked session passes here);
 * - pages get their Content-Security-Policy (API responses get a static one, next.config.js).
 */
export async function proxy(req: NextRequest) {
  const res = await route(req);
  if (!req.nextUrl.pathname.startsWith('/api/')) res.headers.set('Content-Security-Policy', csp());
  return res;
}

/** The PartyKit host as this server was started with (not as the build saw it). */
function csp(): string {
  return contentSecurityPolicy({
    partyHost: env.PARTYKIT_HOST,
    dev: env.NODE_ENV !== 'production',
  });
}

async function route(req: NextRequest): Promise<Response> {
  if (!pathDecodes(rawPathname(req))) return badPathResponse();
  const callbackUrl = req.nextUrl.searchParams.get('callbackUrl');
  if (callbackUrl !== null && !isPlainUrl(callbackUrl)) {
    // A redirect to it would put CR/LF or non-ASCII into a Location header, which throws (a
    // 500): the page opens as if no callbackUrl had been given.
    const url = req.nextUrl.clone();
    url.searchParams.delete('callbackUrl');
    return NextResponse.redirect(url);
  }
  if (!SIGNED_IN_PAGES.test(req.nextUrl.pathname)) return NextResponse.next();
  const claims = await decodeSession(readCookie(req.headers.get('cookie'), sessionCookieName()));
  if (claims) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/** Printable ASCII only (spaces allowed): what a path the app itself made looks like. */
function isPlainUrl(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/** The path as sent (still percent-encoded), without the query. */
function rawPathname(req: NextRequest): string {
  return new URL(req.url).pathname;
}

/**
 * Every page and file but the build's static ones (hashed names, never dynamic segments). API
 * paths only when the proxy has something to do there: a `%` in the path (an escape that may not
 * decode) or a `callbackUrl`. Running Next.js's middleware pass costs about 0.3 ms of CPU per
 * request, which every API call paid for nothing; the 405s it answered are now the routes' own
 * (lib/openapi/methods-not-taken.ts). Matchers see the path as sent, still percent-encoded.
 */
export const config = {
  matcher: [
    '/((?!_next/static|_next/image|api/).*)',
    '/api/:path(.*%.*)',
    { source: '/api/:path*', has: [{ type: 'query', key: 'callbackUrl' }] },
  ],
};
