import { describe, expect, it } from 'vitest';

import { formatSummary, percentile, summarize } from './stats.mjs';

describe('percentile (nearest rank)', () => {
  const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('answers the value at rank ceil(p/100 × n)', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
  });

  it('keeps p0 and tiny lists in range', () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts its input and rounds to the microsecond', () => {
    const s = summarize([3.00049, 1, 2, 10]);
    expect(s).toEqual({ count: 4, min: 1, mean: 4, p50: 2, p95: 10, p99: 10, max: 10 });
    expect(summarize([1.23456]).p50).toBe(1.235);
  });

  it('answers nulls, not NaN, for no values (JSON keeps them)', () => {
    expect(summarize([])).toEqual({
      count: 0,
      min: null,
      mean: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
    });
    expect(formatSummary(summarize([]))).toBe('p50 — · p95 — · p99 — · max — ms (n=0)');
  });
});
