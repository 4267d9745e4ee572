import 'server-only';

import { env } from '@/lib/env';

/** Absolute links for emails: NEXTAUTH_URL is the app's public address (`npm run dev` sets it). */
export function appUrl(pathname: string): string {
  return new URL(pathname, env.NEXTAUTH_URL ?? 'http://localhost:3000').href;
}

/** The page that explains and asks before turning digests off (a GET never changes anything). */
export function unsubscribePageUrl(token: string): string {
  return appUrl(`/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** RFC 8058 one-click target for List-Unsubscribe: mail clients POST to it. */
export function unsubscribeOneClickUrl(token: string): string {
  return appUrl(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`);
}
