import { describe, expect, it } from 'vitest';

import { expectedScore, nextRatings } from './elo';

describe('Elo', () => {
  it('equal ratings: a win moves 16 points each way, a draw none', () => {
    expect(nextRatings(1200, 1200, 1)).toEqual([1216, 1184]);
    expect(nextRatings(1200, 1200, 0.5)).toEqual([1200, 1200]);
    expect(nextRatings(1200, 1200, 0)).toEqual([1184, 1216]);
  });
  it('beating a stronger player gains more than beating a weaker one', () => {
    expect(nextRatings(1200, 1600, 1)[0] - 1200).toBeGreaterThan(
      nextRatings(1600, 1200, 1)[0] - 1600,
    );
    expect(expectedScore(1600, 1200)).toBeCloseTo(0.909, 3);
  });
});
