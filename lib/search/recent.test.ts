import { describe, expect, it } from 'vitest';

import { addRecent, MAX_RECENT, readRecent } from './recent';

describe('recent searches', () => {
  it('puts the newest first, each once', () => {
    expect(addRecent(['a', 'b'], ' b ')).toEqual(['b', 'a']);
  });

  it('ignores blank searches', () => {
    expect(addRecent(['a'], '   ')).toEqual(['a']);
  });

  it('keeps at most MAX_RECENT', () => {
    const many = Array.from({ length: MAX_RECENT }, (_, i) => `q${i}`);
    expect(addRecent(many, 'new')).toHaveLength(MAX_RECENT);
    expect(addRecent(many, 'new')[0]).toBe('new');
  });

  it('reads only a list of strings from storage', () => {
    expect(readRecent(null)).toEqual([]);
    expect(readRecent('not json')).toEqual([]);
    expect(readRecent('{"a":1}')).toEqual([]);
    expect(readRecent('["x", 2, "y"]')).toEqual(['x', 'y']);
  });
});
