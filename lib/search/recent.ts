/** Recent searches: newest first, each once (compared trimmed), at most `max`. Pure. */
export const MAX_RECENT = 8;

export function addRecent(list: readonly string[], query: string, max = MAX_RECENT): string[] {
  const q = query.trim();
  if (q === '') return [...list];
  return [q, ...list.filter((x) => x !== q)].slice(0, max);
}

/** A stored value as a list of strings, whatever was stored (old versions, other tabs, edits). */
export function readRecent(raw: string | null): string[] {
  try {
    const value: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(value)
      ? value.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT)
      : [];
  } catch {
    return [];
  }
}
