import { env } from '@/lib/env';

import type { RateLimiter, RateRule, RateState } from './rate-limiter';
import { failToMemory } from './fallback';
import { withLocalShare } from './local-share';
import { createUpstashRateLimiter } from './upstash-rate-limit';

// The port's types live in rate-limiter.ts, which the adapters import (no cycle through here).
export type { RateLimiter, RateRule, RateState };

const MAX_KEYS = 50_000;

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();

  function current(key: string, rule: RateRule) {
    const t = now();
    let entry = windows.get(key);
    if (!entry || entry.resetAt <= t) {
      entry = { count: 0, resetAt: t + rule.windowMs };
      if (windows.size >= MAX_KEYS) evictExpired(t);
      windows.set(key, entry);
    }
    return entry;
  }

  function evictExpired(t: number) {
    for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
    // Still full: drop the oldest entries (Map keeps insertion order).
    for (const k of windows.keys()) {
      if (windows.size < MAX_KEYS) break;
      windows.delete(k);
    }
  }

  function state(
    entry: { count: number; resetAt: number },
    rule: RateRule,
    counted: boolean,
  ): RateState {
    const allowed = counted ? entry.count <= rule.limit : entry.count < rule.limit;
    return {
      allowed,
      remaining: Math.max(0, rule.limit - entry.count),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((entry.resetAt - now()) / 1000)),
    };
  }

  return {
    async consume(key, rule, hits = 1) {
      const entry = current(key, rule);
      entry.count += hits;
      return state(entry, rule, true);
    },
    async peek(key, rule) {
      return state(current(key, rule), rule, false);
    },
    async release(key) {
      const entry = windows.get(key);
      if (entry && entry.count > 0) entry.count--;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

/** Allows everything: what `PARLEY_RATE_LIMITS=off` (load tests only, see lib/env.ts) selects. */
export function createUnlimitedRateLimiter(): RateLimiter {
  const open: RateState = {
    allowed: true,
    remaining: Number.MAX_SAFE_INTEGER,
    retryAfterSeconds: 0,
  };
  return {
    async consume() {
      return open;
    },
    async peek() {
      return open;
    },
    async release() {},
    async reset() {},
  };
}

const cache = globalThis as unknown as { __parleyRateLimiter?: RateLimiter };

/**
 * Upstash Redis when configured (every instance shares the counts; clearly allowed traffic is
 * counted here first, local-share.ts, and Redis failing means stricter counting in memory,
 * fallback.ts), else process memory.
 */
export function getRateLimiter(): RateLimiter {
  cache.__parleyRateLimiter ??=
    env.PARLEY_RATE_LIMITS === 'off'
      ? createUnlimitedRateLimiter()
      : env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
        ? withLocalShare(
            failToMemory(
              createUpstashRateLimiter({
                url: env.UPSTASH_REDIS_REST_URL,
                token: env.UPSTASH_REDIS_REST_TOKEN,
              }),
              createMemoryRateLimiter(),
            ),
          )
        : createMemoryRateLimiter();
  return cache.__parleyRateLimiter;
}
