/**
 * Searching the full emoji set (emojibase-data's compact English list, loaded lazily by the
 * picker) and keeping the recently used ones first. Pure: the data and the stored list come in.
 */
export type EmojiEntry = {
  unicode: string;
  label: string;
  tags?: readonly string[];
  shortcodes?: readonly string[];
  group?: number;
};

/**
 * Emoji matching every word of `query` (in the label, a tag or a shortcode), best first: a label
 * that starts with the query, then a word of the label, then the rest. Regional indicators and
 * skin-tone components (group 2) are not reactions on their own.
 */
export function searchEmoji(data: readonly EmojiEntry[], query: string, limit = 120): EmojiEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const usable = data.filter((e) => e.group !== 2 && !e.label.startsWith('regional indicator'));
  if (words.length === 0) return usable.slice(0, limit);
  const scored: { entry: EmojiEntry; score: number }[] = [];
  for (const entry of usable) {
    const label = entry.label.toLowerCase();
    const haystack = [label, ...(entry.tags ?? []), ...(entry.shortcodes ?? [])].join(' ');
    if (!words.every((w) => haystack.includes(w))) continue;
    const first = words[0]!;
    const score = label.startsWith(first)
      ? 0
      : label.split(/[\s:-]+/).some((w) => w.startsWith(first))
        ? 1
        : 2;
    scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.entry);
}

export const RECENT_EMOJI_KEY = 'parley:recent-emoji';
export const RECENT_EMOJI_MAX = 16;

/** The recently used list with `emoji` moved (or added) to the front, at most RECENT_EMOJI_MAX. */
export function pushRecent(recent: readonly string[], emoji: string): string[] {
  return [emoji, ...recent.filter((e) => e !== emoji)].slice(0, RECENT_EMOJI_MAX);
}

/** The stored list, or [] for anything that is not a list of strings (hand-edited, corrupt). */
export function parseRecent(stored: string | null): string[] {
  try {
    const value: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(value)
      ? value.filter((e): e is string => typeof e === 'string').slice(0, RECENT_EMOJI_MAX)
      : [];
  } catch {
    return [];
  }
}
