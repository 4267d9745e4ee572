import { log } from '@/lib/log';

import type { RateLimiter, RateRule } from './rate-limiter';

/**
 * When the shared limiter (Upstash) fails — down, its breaker open, or its monthly quota used
 * up — limits are counted in this process's memory instead, and stricter (half the limit):
 * never open, since one instance cannot see what the others allow. Logged once a minute while
 * it lasts; /api/health and the operations page say since when (rateLimitFallback()).
 */
export type RateLimitFallback = { active: false } | { active: true; since: Date; reason: string };

const slot = globalThis as unknown as {
  __parleyRateLimitFallback?: { since: Date; reason: string } | null;
};
const LOG_EVERY_MS = 60_000;
let lastLog = 0;

export const STRICTER = 0.5;
export const stricter = (rule: RateRule): RateRule => ({
  limit: Math.max(1, Math.floor(rule.limit * STRICTER)),
  windowMs: rule.windowMs,
});

export function rateLimitFallback(): RateLimitFallback {
  const state = slot.__parleyRateLimitFallback;
  return state ? { active: true, ...state } : { active: false };
}

export function resetRateLimitFallback(): void {
  slot.__parleyRateLimitFallback = null;
}

function fellBack(err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  slot.__parleyRateLimitFallback ??= { since: new Date(), reason };
  if (Date.now() - lastLog >= LOG_EVERY_MS) {
    lastLog = Date.now();
    log.warn(
      { err, since: slot.__parleyRateLimitFallback.since.toISOString() },
      'shared rate limiter unavailable: counting in this process, at half the limits',
    );
  }
}

export function failToMemory(shared: RateLimiter, memory: RateLimiter): RateLimiter {
  const recovered = () => {
    if (slot.__parleyRateLimitFallback) {
      log.info('shared rate limiter back');
      slot.__parleyRateLimitFallback = null;
    }
  };
  return {
    async consume(key, rule, hits) {
      try {
        const state = await shared.consume(key, rule, hits);
        recovered();
        return state;
      } catch (err) {
        fellBack(err);
        return memory.consume(key, stricter(rule), hits);
      }
    },
    async peek(key, rule) {
      try {
        const state = await shared.peek(key, rule);
        recovered();
        return state;
      } catch (err) {
        fellBack(err);
        return memory.peek(key, stricter(rule));
      }
    },
    release: (key, rule) =>
      shared.release(key, rule).catch(() => memory.release(key, stricter(rule))),
    reset: (key) => shared.reset(key).catch(() => memory.reset(key)),
  };
}
