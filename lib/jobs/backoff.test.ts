import { describe, expect, it } from 'vitest';

import { BACKOFF_CAP_MS, backoffDelayMs } from './backoff';

const noJitter = () => 0.5;

describe('backoffDelayMs', () => {
  it('waits the base after the first failure and doubles after each one', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs({ attempt, random: noJitter }))).toEqual(
      [1_000, 2_000, 4_000, 8_000, 16_000],
    );
  });

  it('never waits longer than ten minutes, however many attempts failed', () => {
    expect(backoffDelayMs({ attempt: 11, random: noJitter })).toBe(BACKOFF_CAP_MS);
    expect(backoffDelayMs({ attempt: 5_000, random: () => 0.999 })).toBe(BACKOFF_CAP_MS);
    expect(BACKOFF_CAP_MS).toBe(600_000);
  });

  it('adds up to ±20 % jitter', () => {
    expect(backoffDelayMs({ attempt: 3, random: () => 0 })).toBe(3_200);
    expect(backoffDelayMs({ attempt: 3, random: () => 1 })).toBe(4_800);
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelayMs({ attempt: 2 });
      expect(delay).toBeGreaterThanOrEqual(1_600);
      expect(delay).toBeLessThanOrEqual(2_400);
    }
  });

  it('takes another base (tests use a few milliseconds)', () => {
    expect(backoffDelayMs({ attempt: 3, baseMs: 5, random: noJitter })).toBe(20);
  });
});
