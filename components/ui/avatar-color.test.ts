import { describe, expect, it } from 'vitest';

import { AVATAR_COLORS, AVATAR_TEXT, avatarColor, contrastRatio } from './avatar-color';

describe('avatar colours', () => {
  it.each(AVATAR_COLORS)('%s passes WCAG AA (4.5:1) with white initials', (color) => {
    expect(contrastRatio(color, AVATAR_TEXT)).toBeGreaterThanOrEqual(4.5);
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('gives a name the same colour every time, and spreads names over the palette', () => {
    expect(avatarColor('Ana Lima')).toBe(avatarColor('Ana Lima'));
    const names = Array.from({ length: 200 }, (_, i) => `Person ${i}`);
    expect(new Set(names.map(avatarColor)).size).toBeGreaterThan(8);
  });
});
