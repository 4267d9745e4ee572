import type { RateLimiter, RateRule, RateState } from './rate-limiter';

const MAX_KEYS = 50_000;

/**
 * Keeps clearly allowed traffic away from the shared limiter (Upstash: every command counts
 * against a free tier of 500,000 a month, and a team's day makes tens of thousands of checks,
 * lib/budget). Each process lets a key through on its own while its own count in the window is
 * within `share` of the limit; past that, every hit goes to the shared count, together with the
 * hits it let through on its own (one INCRBY), so from then on the limit holds across instances.
 * The cost: with N instances a key can get N × share × limit hits in a window before any of them
 * asks Redis, which for abuse limits (20 messages in 10 s) is a small, bounded slack. Someone
 * hammering one endpoint reaches the shared count within a quarter of the limit.
 */
export function withLocalShare(
  shared: RateLimiter,
  { share = 0.25, now = Date.now }: { share?: number; now?: () => number } = {},
): RateLimiter {
  const windows = new Map<string, { count: number; synced: number; resetAt: number }>();

  function entryFor(key: string, rule: RateRule) {
    const t = now();
    let entry = windows.get(key);
    if (!entry || entry.resetAt <= t) {
      if (windows.size >= MAX_KEYS) {
        for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
        if (windows.size >= MAX_KEYS) windows.clear();
      }
      entry = { count: 0, synced: 0, resetAt: t + rule.windowMs };
      windows.set(key, entry);
    }
    return entry;
  }

  return {
    async consume(key, rule, hits = 1): Promise<RateState> {
      const entry = entryFor(key, rule);
      entry.count += hits;
      if (entry.synced === 0 && entry.count <= Math.floor(rule.limit * share)) {
        return { allowed: true, remaining: rule.limit - entry.count, retryAfterSeconds: 0 };
      }
      const unsynced = entry.count - entry.synced;
      entry.synced = entry.count;
      return shared.consume(key, rule, unsynced);
    },
    // Failure-only limits (sign-in) peek before the work: rare, and they must see every instance.
    peek: (key, rule) => shared.peek(key, rule),
    async release(key, rule) {
      const entry = windows.get(key);
      if (entry && entry.count > entry.synced) entry.count--;
      else await shared.release(key, rule);
    },
    async reset(key) {
      windows.delete(key);
      await shared.reset(key);
    },
  };
}
