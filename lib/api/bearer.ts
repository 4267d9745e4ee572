import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * `Authorization: Bearer <secret>`, compared in constant time (hashing first makes both sides the
 * same length). False when no secret is configured, so an unset secret never matches "".
 */
export function bearerMatches(headers: Headers, secret: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '');
  if (!secret || !match?.[1]) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(secret));
}
