import { describe, expect, it } from 'vitest';

import { capacityDecision, findCapacity, stepPassed } from './capacity.mjs';
import { deliveryFigures, type SendRecord, type WindowFigures } from './figures.mjs';

const RATES = [100, 150, 200, 300, 400];

describe('capacityDecision', () => {
  it('starts at the first rate', () => {
    expect(capacityDecision(RATES, [])).toEqual({
      done: false,
      nextRate: 100,
      capacity: null,
      atLeast: false,
    });
  });

  it('goes on while steps pass, keeping the highest passed so far', () => {
    const steps = [
      { rate: 100, passed: true },
      { rate: 150, passed: true },
    ];
    expect(capacityDecision(RATES, steps)).toEqual({
      done: false,
      nextRate: 200,
      capacity: 150,
      atLeast: false,
    });
  });

  it('stops at the first failure with the rate before it', () => {
    const steps = [
      { rate: 100, passed: true },
      { rate: 150, passed: true },
      { rate: 200, passed: false },
    ];
    expect(capacityDecision(RATES, steps)).toEqual({
      done: true,
      nextRate: null,
      capacity: 150,
      atLeast: false,
    });
  });

  it('has no capacity when the first rate fails', () => {
    expect(capacityDecision(RATES, [{ rate: 100, passed: false }]).capacity).toBeNull();
  });

  it('says "at least" when every rate offered passed', () => {
    const steps = RATES.map((rate) => ({ rate, passed: true }));
    expect(capacityDecision(RATES, steps)).toEqual({
      done: true,
      nextRate: null,
      capacity: 400,
      atLeast: true,
    });
  });
});

/** A window where every message reached its 2 recipients after `ms`, `missing` copies lost. */
function window(ms: number, missing = 0): WindowFigures {
  const records: SendRecord[] = Array.from({ length: 10 }, (_, i) => ({
    status: 201,
    scheduledAt: i,
    sentAt: i,
    respondedAt: i + 1,
    postMs: 1,
    recipients: 2,
    receivedBy: new Map(
      (i < missing ? [ms] : [ms, ms]).map((v, j) => [`u${j}`, v] as [string, number]),
    ),
  }));
  return deliveryFigures(records);
}

describe('stepPassed', () => {
  it('needs p99 under the limit and every copy delivered', () => {
    expect(stepPassed(window(99), 100)).toBe(true);
    expect(stepPassed(window(100), 100)).toBe(false);
    expect(stepPassed(window(5, 1), 100)).toBe(false);
  });
});

describe('findCapacity', () => {
  it('measures rate after rate until one fails, and reports the one before', async () => {
    const p99ByRate: Record<number, number> = { 100: 20, 150: 40, 200: 80, 300: 250 };
    const measured: number[] = [];
    const result = await findCapacity(
      { name: 'test' },
      { rates: RATES, stepSeconds: 5, p99LimitMs: 100 },
      {
        measureWindow: async (_system, { rate }) => {
          measured.push(rate);
          return window(p99ByRate[rate] ?? 1000);
        },
        pause: async () => {},
        log: () => {},
      },
    );
    expect(measured).toEqual([100, 150, 200, 300]);
    expect(result.capacityMessagesPerSecond).toBe(200);
    expect(result.allRatesPassed).toBe(false);
    expect(result.steps.map((s) => s.passed)).toEqual([true, true, true, false]);
  });
});
