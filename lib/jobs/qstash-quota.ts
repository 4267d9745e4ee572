import { QstashDailyRatelimitError } from '@upstash/qstash';

import { log } from '@/lib/log';

/**
 * QStash's daily message quota (1,000 a day on the free tier, lib/budget/free-tiers.ts): when a
 * publish is refused for it, this process stops asking until the quota resets, and jobs due at
 * once run here after the response instead (lib/jobs/outbox.ts); delayed ones stay pending in the
 * store and are handed to QStash by the sweep once it takes messages again. Nothing is lost: every
 * job is a row until it succeeds. /api/health says "QStash quota exhausted since …".
 */
export type QStashQuota = { exhausted: false } | { exhausted: true; since: Date; until: Date };

// On globalThis, like the breakers: every Next.js bundle (routes, instrumentation) shares it.
const slot = globalThis as unknown as { __parleyQStashQuota?: { since: Date; until: Date } | null };

/** The next 00:00 UTC after `now`: when QStash's daily quota starts again. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** RateLimit-Reset as QStash sends it (a Unix time, seconds or milliseconds), if usable. */
function resetTime(error: QstashDailyRatelimitError, now: Date): Date {
  const raw = Number(error.reset);
  if (Number.isFinite(raw) && raw > 0) {
    const at = new Date(raw < 1e12 ? raw * 1000 : raw);
    if (at > now) return at;
  }
  return nextUtcMidnight(now);
}

/** Records a failed publish; true when it was the daily quota (the caller then runs the job here). */
export function noteQStashFailure(error: unknown, now = new Date()): boolean {
  if (!(error instanceof QstashDailyRatelimitError)) return false;
  if (!slot.__parleyQStashQuota) {
    const state = { since: now, until: resetTime(error, now) };
    slot.__parleyQStashQuota = state;
    log.warn(
      { since: state.since.toISOString(), until: state.until.toISOString() },
      'QStash daily quota exhausted: jobs run in this process until it resets',
    );
  }
  return true;
}

export function qstashQuota(now = new Date()): QStashQuota {
  const state = slot.__parleyQStashQuota;
  if (state && now >= state.until) slot.__parleyQStashQuota = null;
  return slot.__parleyQStashQuota ? { exhausted: true, ...state! } : { exhausted: false };
}

/** For tests: forget what was seen. */
export function resetQStashQuota(): void {
  slot.__parleyQStashQuota = null;
}
