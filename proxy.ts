import { NextResponse, type NextRequest } from 'next/server';

import { decodeSession, readCookie, sessionCookieName } from '@/lib/auth/session';

/**
 * Sends signed-out people who open an app page to sign-in, and back afterwards. This is only the
 * fast path: pages and API routes check the session themselves (a revoked session passes here).
 */
export async function proxy(req: NextRequest) {
  const claims = await decodeSession(readCookie(req.headers.get('cookie'), sessionCookieName()));
  if (claims) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/settings/:path*', '/chats/:path*', '/admin/:path*'] };
