import { env } from '@/lib/env';

import { ApiError } from './errors';

/** Methods that never change anything: a cross-origin page may send them (and reads nothing). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request authenticates with `Authorization: Bearer`, which no page can forge. */
export function hasBearer(headers: Headers): boolean {
  return /^bearer\s/i.test(headers.get('authorization') ?? '');
}

/**
 * The origins a cookie-authenticated write may come from: NEXTAUTH_URL's, and the request's own
 * (a preview deployment or a LAN address the person opened). The request's own host is safe to
 * trust here because a browser sets `Host` to the site it sends to, so a page elsewhere cannot
 * make its cross-site request look same-origin; only the `Origin` it sends differs.
 */
function allowedOrigins(req: Request): Set<string> {
  const allowed = new Set<string>([new URL(req.url).origin]);
  const host = req.headers.get('host');
  if (host) allowed.add(`${new URL(req.url).protocol}//${host}`);
  if (env.NEXTAUTH_URL) allowed.add(new URL(env.NEXTAUTH_URL).origin);
  return allowed;
}

/**
 * Refuses a cookie-authenticated write sent from another origin (cross-site request forgery,
 * and same-site pages on another port, which SameSite=Lax cookies do not stop). Browsers send
 * `Origin` on every non-GET fetch and form post; without it, `Sec-Fetch-Site` says where the
 * request came from. A request with neither is not from a browser page (curl with a cookie) and
 * passes. Bearer-token requests never reach this: no page can attach someone's token.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get('origin');
  if (origin !== null) {
    if (allowedOrigins(req).has(origin)) return;
    throw crossOrigin();
  }
  const site = req.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin' || site === 'none') return;
  throw crossOrigin();
}

const crossOrigin = () =>
  new ApiError(
    'cross_origin',
    'This request came from another site, so your session cookie is not accepted for it. Use Parley itself, or an API token.',
  );
