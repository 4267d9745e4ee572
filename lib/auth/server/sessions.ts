import 'server-only';

import { getStore } from '@/lib/db';
import type { SessionRecord } from '@/lib/db/store';
import type { User } from '@/lib/db/types';

import { deviceCookie, readDevice } from './device';
import {
  decodeSession,
  mintSessionCookie,
  readCookie,
  sessionCookieName,
  type SessionClaims,
} from './session';
import { describeUserAgent } from '../user-agent';

/**
 * Signed-in browsers. Each session cookie carries `sid`, the id of a record in the store; the
 * record is what Settings → Security lists and what "Sign out" on a device deletes.
 *
 * authenticate() checks the record on every request, through a small per-process cache: a
 * record seen within CHECK_TTL_MS is not read again. Revoking deletes the record and this
 * process's cache entry at once; other server processes notice within CHECK_TTL_MS (5 s).
 * Last-seen is written at most once per TOUCH_EVERY_MS per session.
 */
export const CHECK_TTL_MS = 5_000;
const TOUCH_EVERY_MS = 60_000;
const MAX_CACHED = 10_000;

type Cached = { userId: string; checkedAt: number; touchedAt: number };
const holder = globalThis as unknown as { __parleySessionCache?: Map<string, Cached> };
const cache = () => (holder.__parleySessionCache ??= new Map<string, Cached>());

const USER_AGENT_MAX = 512;

/** Records a new session and answers its Set-Cookie headers (the session and the device cookie). */
export async function startSession(
  user: User,
  headers: Headers,
): Promise<['set-cookie', string][]> {
  const record = await (
    await getStore()
  ).createSession({
    userId: user.id,
    userAgent: headers.get('user-agent')?.slice(0, USER_AGENT_MAX) ?? null,
  });
  const device = readDevice(headers);
  return [
    ['set-cookie', await mintSessionCookie(user, record.id)],
    ['set-cookie', deviceCookie(user.id, device?.userId === user.id ? device : null)],
  ];
}

/** Whether the session behind these claims still exists (and belongs to the claimed person). */
export async function sessionIsLive(claims: SessionClaims, now = Date.now()): Promise<boolean> {
  if (!claims.sid) return false;
  const entries = cache();
  const hit = entries.get(claims.sid);
  if (hit && now - hit.checkedAt < CHECK_TTL_MS) return hit.userId === claims.sub;
  const store = await getStore();
  const record = await store.getSession({ id: claims.sid });
  if (!record || record.userId !== claims.sub) {
    entries.delete(claims.sid);
    return false;
  }
  let touchedAt = hit?.touchedAt ?? record.lastSeenAt.getTime();
  if (now - touchedAt >= TOUCH_EVERY_MS) {
    await store.touchSession({ id: record.id, at: new Date(now) });
    touchedAt = now;
  }
  if (entries.size >= MAX_CACHED) entries.clear();
  entries.set(claims.sid, { userId: record.userId, checkedAt: now, touchedAt });
  return true;
}

export async function listSessions(userId: string): Promise<SessionRecord[]> {
  return (await getStore()).listSessions({ userId });
}

/** Signs one of the person's own browsers out; false when they have no such session. */
export async function revokeSession(userId: string, id: string): Promise<boolean> {
  cache().delete(id);
  return (await getStore()).deleteSession({ userId, id });
}

/** Every session of the person (sign out of all devices). */
export async function revokeAllSessions(userId: string): Promise<void> {
  for (const [sid, entry] of cache()) if (entry.userId === userId) cache().delete(sid);
  await (await getStore()).deleteSessions({ userId });
}

/** The session id of the request's own cookie (null for API tokens and old cookies). */
export async function currentSessionId(headers: Headers): Promise<string | null> {
  return (await decodeSession(readCookie(headers.get('cookie'), sessionCookieName())))?.sid ?? null;
}

export function presentSession(record: SessionRecord, currentId: string | null) {
  return {
    id: record.id,
    ...describeUserAgent(record.userAgent),
    createdAt: record.createdAt.toISOString(),
    lastSeenAt: record.lastSeenAt.toISOString(),
    current: record.id === currentId,
  };
}
