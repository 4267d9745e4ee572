import { Redis } from '@upstash/redis';

import { guarded } from '@/lib/resilience/breakers';

import type { RateLimiter, RateRule, RateState } from './rate-limiter';

/**
 * Rate limits shared by every server instance, in Upstash Redis over its REST API. The same
 * fixed windows as the memory limiter: the first hit starts a window of `windowMs` for the key.
 * One MULTI per hit (create the counter with its expiry if missing, increment, read the TTL), so
 * concurrent instances count every hit once. @upstash/ratelimit would work too, but its Lua
 * scripts cannot be exercised offline; these three commands can (test/fake-upstash-redis.ts).
 */
export function createUpstashRateLimiter(opts: {
  url: string;
  token: string;
  prefix?: string;
}): RateLimiter {
  const redis = new Redis({
    url: opts.url,
    token: opts.token,
    enableTelemetry: false,
    automaticDeserialization: false,
  });
  const prefix = opts.prefix ?? 'parley:rl:';
  const keyOf = (key: string) => prefix + key;

  function state(count: number, ttlMs: number, rule: RateRule, counted: boolean): RateState {
    const allowed = counted ? count <= rule.limit : count < rule.limit;
    const resetMs = ttlMs > 0 ? ttlMs : rule.windowMs;
    return {
      allowed,
      remaining: Math.max(0, rule.limit - count),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(resetMs / 1000)),
    };
  }

  // Every call goes through the upstash breaker: while Redis keeps failing, a request does not
  // wait on it; the caller (lib/cache/fallback.ts) counts in this process's memory instead.
  return {
    async consume(key, rule, hits = 1) {
      const k = keyOf(key);
      const [, count, ttl] = await guarded('upstash', () =>
        redis
          .multi()
          .set(k, 0, { px: rule.windowMs, nx: true })
          .incrby(k, hits)
          .pttl(k)
          .exec<[unknown, number, number]>(),
      );
      return state(Number(count), Number(ttl), rule, true);
    },
    async peek(key, rule) {
      const k = keyOf(key);
      const [count, ttl] = await guarded('upstash', () =>
        redis.pipeline().get(k).pttl(k).exec<[unknown, number]>(),
      );
      return state(Number(count ?? 0), Number(ttl), rule, false);
    },
    async release(key, rule) {
      const k = keyOf(key);
      // A key that expired meanwhile is re-created at 1 (with the window's expiry) and then
      // decremented to 0: never a negative count, never a key without a TTL.
      await guarded('upstash', () =>
        redis.multi().set(k, 1, { px: rule.windowMs, nx: true }).decr(k).exec(),
      );
    },
    async reset(key) {
      await guarded('upstash', () => redis.del(keyOf(key)));
    },
  };
}
