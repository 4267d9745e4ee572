/**
 * Which conversation Alt+Up/Down (and Alt+Shift+Up/Down for unread ones) goes to, in the
 * sidebar's order. Pure: the list and the open id come in, an id (or null: stay) comes out.
 */
export type NavItem = { id: string; unreadCount: number };

export function adjacentConversation(
  list: readonly NavItem[],
  openId: string | null,
  direction: 'up' | 'down',
  options: { unreadOnly?: boolean } = {},
): string | null {
  if (list.length === 0) return null;
  const step = direction === 'down' ? 1 : -1;
  const at = openId ? list.findIndex((c) => c.id === openId) : -1;
  // Nothing open: Down starts at the top, Up at the bottom.
  let i = at === -1 ? (direction === 'down' ? -1 : list.length) : at;
  for (let n = 0; n < list.length; n++) {
    i += step;
    if (i < 0 || i >= list.length) return null;
    const candidate = list[i];
    if (!candidate) return null;
    if (!options.unreadOnly || (candidate.unreadCount > 0 && candidate.id !== openId))
      return candidate.id;
  }
  return null;
}

/** Ranks conversations for the quick switcher: name starts with the query, then contains it. */
export function matchConversations<T extends { name: string; members: { name: string }[] }>(
  list: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return list.slice(0, limit);
  const score = (c: T) => {
    const name = c.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    if (name.includes(q)) return 2;
    if (c.members.some((m) => m.name.toLowerCase().includes(q))) return 3;
    return -1;
  };
  return list
    .map((c, i) => ({ c, s: score(c), i }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.c);
}
