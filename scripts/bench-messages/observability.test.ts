import { describe, expect, it } from 'vitest';

import { overheadPercent, roundOrder } from './observability.mjs';

describe('--compare-observability', () => {
  it('alternates which server goes first, so drift over the run falls on both', () => {
    expect([0, 1, 2, 3].map(roundOrder)).toEqual([
      ['on', 'off'],
      ['off', 'on'],
      ['on', 'off'],
      ['off', 'on'],
    ]);
  });

  it('gives the overhead as on ÷ off − 1 in percent, or null without both figures', () => {
    expect(overheadPercent(11, 10)).toBe(10);
    expect(overheadPercent(9.5, 10)).toBe(-5);
    expect(overheadPercent(null, 10)).toBeNull();
    expect(overheadPercent(5, 0)).toBeNull();
  });
});
