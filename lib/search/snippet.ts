import { fold } from './fold';
import type { SearchTerm } from './query';

/**
 * A result's snippet as segments of plain text, the matches flagged. The browser renders each
 * segment as a text node (a <mark> for matches), so a message can never inject markup through
 * its snippet. Matching runs on folded text, like the stores, mapped back to the original.
 */
export type SnippetSegment = { text: string; match: boolean };

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The folded body and, for each folded code unit, the index in `body` it came from. */
function foldWithMap(body: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of body) {
    const f = fold(ch);
    folded += f;
    for (let i = 0; i < f.length; i++) origin.push(index);
    index += ch.length;
  }
  origin.push(body.length);
  return { folded, origin };
}

/** [start, end) ranges in the folded text where a positive term matches. */
function matchRanges(folded: string, terms: SearchTerm[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term.negated) continue;
    const needles = term.match === 'substring' ? [fold(term.text)] : term.words;
    for (const needle of needles) {
      if (needle === '') continue;
      for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
        const wordStart = at === 0 || !WORD_CHAR.test(folded[at - 1]!);
        if (term.match !== 'substring' && !wordStart) continue;
        ranges.push([at, at + needle.length]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** At most `width` characters of `body` around its first match, matches flagged. */
export function snippetOf(body: string, terms: SearchTerm[], width = 160): SnippetSegment[] {
  const { folded, origin } = foldWithMap(body);
  const ranges = matchRanges(folded, terms).map(
    ([s, e]) => [origin[s]!, origin[e] ?? body.length] as [number, number],
  );
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(body.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (text !== '') segments.push({ text, match });
  };
  let at = start;
  if (start > 0) push('…', false);
  for (const [s, e] of ranges) {
    if (e <= at || s >= end) continue;
    push(body.slice(at, Math.max(at, s)), false);
    push(body.slice(Math.max(at, s), Math.min(e, end)), true);
    at = Math.min(e, end);
  }
  push(body.slice(at, end), false);
  if (end < body.length) push('…', false);
  return segments;
}
