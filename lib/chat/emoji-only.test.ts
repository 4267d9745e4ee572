import { describe, expect, it } from 'vitest';

import { EMOJI_ONLY_MAX, isEmojiOnly } from './emoji-only';

describe('isEmojiOnly', () => {
  it('is true for one emoji, a few with spaces, skin tones, ZWJ sequences and flags', () => {
    expect(isEmojiOnly('👍')).toBe(true);
    expect(isEmojiOnly(' 🎉 🎉 ')).toBe(true);
    expect(isEmojiOnly('👍🏽')).toBe(true);
    expect(isEmojiOnly('👨‍👩‍👧‍👦')).toBe(true);
    expect(isEmojiOnly('🇳🇴')).toBe(true);
    expect(isEmojiOnly('❤️')).toBe(true);
  });

  it('is false for text, digits, punctuation or an empty body', () => {
    expect(isEmojiOnly('ok 👍')).toBe(false);
    expect(isEmojiOnly('123')).toBe(false);
    expect(isEmojiOnly('#')).toBe(false);
    expect(isEmojiOnly('!!')).toBe(false);
    expect(isEmojiOnly('   ')).toBe(false);
  });

  it(`is false past ${EMOJI_ONLY_MAX} emoji (a wall of emoji stays normal size)`, () => {
    expect(isEmojiOnly('😀'.repeat(EMOJI_ONLY_MAX))).toBe(true);
    expect(isEmojiOnly('😀'.repeat(EMOJI_ONLY_MAX + 1))).toBe(false);
  });
});
