/**
 * Avatar backgrounds behind white initials. Every colour passes WCAG AA for normal text
 * (contrast ≥ 4.5 with #ffffff; avatar-color.test.ts computes it), in light and dark themes alike
 * since the initials are always white. A hue wheel (`hsl(h 55% 45%)`) did not: yellows and
 * greens fell to about 2.5.
 */
export const AVATAR_COLORS = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#4d7c0f',
  '#15803d',
  '#0f766e',
  '#0e7490',
  '#1d4ed8',
  '#4338ca',
  '#6d28d9',
  '#a21caf',
  '#be185d',
] as const;

export const AVATAR_TEXT = '#ffffff';

/** A stable index per name so a person keeps their colour everywhere. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return hash;
}

export function avatarColor(name: string): string {
  return AVATAR_COLORS[hueOf(name) % AVATAR_COLORS.length] ?? AVATAR_COLORS[0];
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
