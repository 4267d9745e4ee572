import { parseQuery } from './query';

/**
 * The filters written in a query, as chips the search box shows. Each chip knows its text in
 * the query, so removing it removes exactly that token. Pure.
 */
export type FilterChip = { token: string; label: string };

const FILTER_TOKEN = /(^|\s)((?:from|in|has|before|after):\S+)/giu;

export function chipsOf(query: string): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const m of query.matchAll(FILTER_TOKEN)) {
    const token = m[2]!;
    // Only filters the parser accepts become chips; a half-typed one stays text.
    const parsed = parseQuery(`${token} x`);
    if (parsed.ok) chips.push({ token, label: token });
  }
  return chips;
}

export function removeToken(query: string, token: string): string {
  return query
    .split(/\s+/u)
    .filter((t) => t !== token)
    .join(' ')
    .trim();
}

export function addToken(query: string, token: string): string {
  const tokens = query.trim().split(/\s+/u).filter(Boolean);
  return tokens.includes(token) ? query : [...tokens, token].join(' ');
}
