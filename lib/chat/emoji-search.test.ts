import data from 'emojibase-data/en/compact.json';
import { describe, expect, it } from 'vitest';

import { parseRecent, pushRecent, RECENT_EMOJI_MAX, searchEmoji } from './emoji-search';

describe('searchEmoji', () => {
  it('covers the full Unicode set', () => {
    expect(searchEmoji(data, '', 10_000).length).toBeGreaterThan(1800);
  });

  it('finds by label, tag and shortcode, best match first', () => {
    expect(searchEmoji(data, 'avocado')[0]?.unicode).toBe('🥑');
    // The data spells some with the emoji presentation selector (U+FE0F).
    expect(searchEmoji(data, 'thumbs up')[0]?.unicode.replace('\uFE0F', '')).toBe('👍');
    expect(searchEmoji(data, 'pizza').map((e) => e.unicode)).toContain('🍕');
    expect(searchEmoji(data, 'tada').map((e) => e.unicode)).toContain('🎉');
  });

  it('needs every word to match and finds nothing for nonsense', () => {
    expect(searchEmoji(data, 'red heart').map((e) => e.unicode)).toContain('❤️');
    expect(searchEmoji(data, 'qqqzzz')).toEqual([]);
  });

  it('leaves out regional indicators and skin-tone components', () => {
    const all = searchEmoji(data, '', 10_000).map((e) => e.label);
    expect(all.some((l) => l.startsWith('regional indicator'))).toBe(false);
    expect(all.some((l) => /skin tone$/.test(l) && l.split(' ').length <= 3)).toBe(false);
  });
});

describe('recently used emoji', () => {
  it('puts the newest first, without repeats, up to the maximum', () => {
    expect(pushRecent(['👍', '🎉'], '🎉')).toEqual(['🎉', '👍']);
    const many = Array.from({ length: RECENT_EMOJI_MAX }, (_, i) => String(i));
    expect(pushRecent(many, '🔥')).toHaveLength(RECENT_EMOJI_MAX);
    expect(pushRecent(many, '🔥')[0]).toBe('🔥');
  });

  it('reads back only a list of strings', () => {
    expect(parseRecent('["👍","🎉"]')).toEqual(['👍', '🎉']);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('["👍",3]')).toEqual(['👍']);
  });
});
