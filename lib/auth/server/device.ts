import 'server-only';

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { env, requireSecret } from '@/lib/env';

import { readCookie } from './session';

/**
 * "This browser has signed in to this account before": a cookie set by every successful
 * password sign-in, signed with a key derived from NEXTAUTH_SECRET and bound to the account.
 * Sign-in limits exempt it from the account-wide part, so guesses from elsewhere cannot lock
 * the owner's own devices out (lib/auth/server/sign-in-limits.ts). It grants nothing else.
 */
export const DEVICE_COOKIE = 'parley_device';
const MAX_AGE = 365 * 24 * 60 * 60;

export type Device = { userId: string; deviceId: string };

function mac(userId: string, deviceId: string): string {
  return createHmac('sha256', `parley-device:${requireSecret('NEXTAUTH_SECRET')}`)
    .update(`${userId}.${deviceId}`)
    .digest('base64url');
}

/** A Set-Cookie value for `userId`; keeps the browser's device id when it already has one. */
export function deviceCookie(userId: string, current: Device | null): string {
  const deviceId = current?.deviceId ?? randomBytes(16).toString('base64url');
  const secure = (env.NEXTAUTH_URL ?? '').startsWith('https://');
  return `${DEVICE_COOKIE}=${userId}.${deviceId}.${mac(userId, deviceId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${MAX_AGE}${secure ? '; Secure' : ''}`;
}

/** The verified device cookie in a request, or null (missing, malformed or forged). */
export function readDevice(headers: Headers): Device | null {
  const value = readCookie(headers.get('cookie'), DEVICE_COOKIE);
  const [userId, deviceId, tag, extra] = value?.split('.') ?? [];
  if (!userId || !deviceId || !tag || extra !== undefined) return null;
  const expected = Buffer.from(mac(userId, deviceId));
  const given = Buffer.from(tag);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { userId, deviceId }
    : null;
}
