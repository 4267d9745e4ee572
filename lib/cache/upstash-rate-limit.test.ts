import { BrokenCircuitError } from 'cockatiel';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { breakerStatus, resetBreaker } from '@/lib/resilience/breakers';
import { startFakeUpstashRedis } from '@/test/fake-upstash-redis';

import { failToMemory, rateLimitFallback, resetRateLimitFallback } from './fallback';
import { withLocalShare } from './local-share';
import { createMemoryRateLimiter } from './rate-limit';
import { createUpstashRateLimiter } from './upstash-rate-limit';

describe('Upstash rate limiter (against a fake Upstash REST endpoint)', () => {
  let clock = 1_000_000;
  let fake: Awaited<ReturnType<typeof startFakeUpstashRedis>>;
  let limiter: ReturnType<typeof createUpstashRateLimiter>;
  const rule = { limit: 3, windowMs: 60_000 };

  beforeAll(async () => {
    fake = await startFakeUpstashRedis({ token: 'redis-token', now: () => clock });
    limiter = createUpstashRateLimiter({ url: fake.url, token: 'redis-token' });
  });
  afterAll(() => fake.close());
  beforeEach(() => resetBreaker('upstash'));

  it('allows `limit` hits per window, then says how long to wait', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume('signin:1.2.3.4', rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.retryAfterSeconds).toBe(60);
    // Each hit is one MULTI: create with expiry if missing, increment, read the TTL.
    const last = fake.requests.at(-1)!;
    expect(last.path).toBe('/multi-exec');
    expect(last.commands.map((c) => String(c[0]).toUpperCase())).toEqual(['SET', 'INCRBY', 'PTTL']);
  });

  it('opens a new window once the old one expires', async () => {
    const key = 'send:u_1';
    for (let i = 0; i < 3; i++) await limiter.consume(key, rule);
    expect((await limiter.consume(key, rule)).allowed).toBe(false);
    clock += 30_000;
    expect((await limiter.peek(key, rule)).retryAfterSeconds).toBe(30);
    clock += 30_001;
    expect(await limiter.consume(key, rule)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('releases a counted hit, and never below zero when the window expired meanwhile', async () => {
    const key = 'release:1';
    for (let i = 0; i < 3; i++) await limiter.consume(key, rule);
    expect((await limiter.peek(key, rule)).allowed).toBe(false);
    await limiter.release(key, rule);
    expect(await limiter.peek(key, rule)).toMatchObject({ allowed: true, remaining: 1 });
    await limiter.release('release:gone', rule);
    expect(await limiter.peek('release:gone', rule)).toMatchObject({ remaining: 3 });
  });

  it('peeks without counting, and resets', async () => {
    const key = 'failures:ana';
    expect(await limiter.peek(key, rule)).toMatchObject({ allowed: true, remaining: 3 });
    await limiter.consume(key, rule);
    await limiter.consume(key, rule);
    await limiter.consume(key, rule);
    expect((await limiter.peek(key, rule)).allowed).toBe(false);
    expect((await limiter.peek(key, rule)).allowed).toBe(false);
    await limiter.reset(key);
    expect(await limiter.peek(key, rule)).toMatchObject({ allowed: true, remaining: 3 });
  });

  it('keeps keys of different people apart', async () => {
    for (let i = 0; i < 3; i++) await limiter.consume('x:a', rule);
    expect((await limiter.consume('x:a', rule)).allowed).toBe(false);
    expect((await limiter.consume('x:b', rule)).allowed).toBe(true);
  });

  it('throws when Upstash refuses; the fallback counts in memory at half the limit, never open', async () => {
    resetRateLimitFallback();
    const wrong = createUpstashRateLimiter({ url: fake.url, token: 'nope' });
    await expect(wrong.consume('k', rule)).rejects.toThrow();
    const fallback = failToMemory(
      wrong,
      createMemoryRateLimiter(() => clock),
    );
    const limits = { limit: 4, windowMs: 60_000 };
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await fallback.consume('k', limits)).allowed);
    expect(results).toEqual([true, true, false]); // 2 of 4: stricter, not open
    expect(rateLimitFallback()).toMatchObject({ active: true });
    // Back: the shared count is used again, and the fallback is over.
    const right = failToMemory(
      limiter,
      createMemoryRateLimiter(() => clock),
    );
    expect((await right.consume('k-back', limits)).allowed).toBe(true);
    expect(rateLimitFallback()).toEqual({ active: false });
  });

  it('opens the upstash breaker after 5 failures in a row: Redis is left alone, memory counts', async () => {
    const wrong = createUpstashRateLimiter({ url: fake.url, token: 'nope' });
    for (let i = 0; i < 5; i++) await expect(wrong.consume('k', rule)).rejects.toThrow();
    expect(breakerStatus('upstash').status).toBe('open');
    const reached = fake.requests.length;
    await expect(wrong.peek('k', rule)).rejects.toBeInstanceOf(BrokenCircuitError);
    const fallback = failToMemory(
      wrong,
      createMemoryRateLimiter(() => clock),
    );
    expect(await fallback.consume('k', rule)).toMatchObject({ allowed: true });
    expect(fake.requests).toHaveLength(reached);
    resetRateLimitFallback();
  });

  it('asks Redis nothing for clearly allowed traffic, and the limit still holds across instances', async () => {
    const limits = { limit: 20, windowMs: 10_000 };
    const [a, b] = [
      withLocalShare(limiter, { now: () => clock }),
      withLocalShare(limiter, { now: () => clock }),
    ];
    const before = fake.requests.length;
    for (let i = 0; i < 5; i++) expect((await a.consume('send:u_9', limits)).allowed).toBe(true);
    expect(fake.requests.length).toBe(before); // a quarter of the limit: this process alone
    // The sixth hands all six to Redis at once (INCRBY 6), then every hit is shared.
    expect(await a.consume('send:u_9', limits)).toMatchObject({ allowed: true, remaining: 14 });
    expect(fake.requests.at(-1)!.commands[1]).toEqual(['incrby', 'parley:rl:send:u_9', 6]);
    // Another instance: its own five, then six more in Redis: 12 of 20 so far.
    for (let i = 0; i < 6; i++) await b.consume('send:u_9', limits);
    const rest = [];
    for (let i = 0; i < 10; i++) rest.push((await a.consume('send:u_9', limits)).allowed);
    expect(rest.filter(Boolean)).toHaveLength(8); // 20 in all, then refused
  });
});
