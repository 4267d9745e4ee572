import { describe, expect, it } from 'vitest';

import { createMemoryRateLimiter } from './rate-limit';

describe('memory rate limiter', () => {
  const rule = { limit: 3, windowMs: 10_000 };

  it('allows up to the limit in a window, then refuses with the time left', async () => {
    let t = 1_000_000;
    const limiter = createMemoryRateLimiter(() => t);
    for (let i = 0; i < 3; i++) expect((await limiter.consume('k', rule)).allowed).toBe(true);
    t += 4_000;
    expect(await limiter.consume('k', rule)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 6,
    });
  });

  it('starts a new window when the old one ends', async () => {
    let t = 0;
    const limiter = createMemoryRateLimiter(() => t);
    for (let i = 0; i < 4; i++) await limiter.consume('k', rule);
    t += 10_000;
    expect((await limiter.consume('k', rule)).allowed).toBe(true);
  });

  it('releases a counted hit, never below zero', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 3; i++) await limiter.consume('k', rule);
    await limiter.release('k', rule);
    expect(await limiter.peek('k', rule)).toMatchObject({ allowed: true, remaining: 1 });
    for (let i = 0; i < 5; i++) await limiter.release('k', rule);
    expect(await limiter.peek('k', rule)).toMatchObject({ remaining: 3 });
  });

  it('peeks without counting, and keys are independent', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 3; i++) expect((await limiter.peek('a', rule)).allowed).toBe(true);
    for (let i = 0; i < 3; i++) await limiter.consume('a', rule);
    expect((await limiter.peek('a', rule)).allowed).toBe(false);
    expect((await limiter.peek('b', rule)).allowed).toBe(true);
    await limiter.reset('a');
    expect((await limiter.peek('a', rule)).allowed).toBe(true);
  });
});
