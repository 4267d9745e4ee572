import { describe, expect, it } from 'vitest';

import { fullBucket, takeToken, type BucketRule } from './token-bucket';

const rule: BucketRule = { capacity: 3, perSecond: 2 };

describe('token bucket', () => {
  it('allows a burst up to its capacity, then refuses', () => {
    let bucket = fullBucket(rule, 0);
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const taken = takeToken(bucket, rule, 0);
      results.push(taken.ok);
      bucket = taken.bucket;
    }
    expect(results).toEqual([true, true, true, false]);
  });

  it('refills at its rate, never past its capacity', () => {
    const empty = { tokens: 0, at: 0 };
    expect(takeToken(empty, rule, 499).ok).toBe(false);
    expect(takeToken(empty, rule, 500)).toEqual({ ok: true, bucket: { tokens: 0, at: 500 } });
    expect(takeToken(empty, rule, 60_000).bucket.tokens).toBe(2);
  });

  it('does not refill when the clock goes backwards', () => {
    expect(takeToken({ tokens: 0, at: 1000 }, rule, 0).ok).toBe(false);
  });
});
