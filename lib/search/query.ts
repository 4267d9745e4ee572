import { fold, isUnspaced, wordsOf } from './fold';

/**
 * The search box's query language: words (each a prefix of a word: "hel" finds "hello"),
 * "exact phrase", -word to exclude, and the filters from:@name, in:#conversation,
 * has:image|link|file, before:YYYY-MM-DD and after:YYYY-MM-DD (both exclusive, UTC days).
 * Pure and shared: the route parses with it, the search box shows its filters as chips.
 */

export const HAS_VALUES = ['image', 'link', 'file'] as const;
export type HasFilter = (typeof HAS_VALUES)[number];

/**
 * One thing to look for. `match` says how the stores compare it:
 * - `prefix`: `words` in order, the last one a prefix (a word of Latin, Cyrillic, Greek… text);
 * - `phrase`: `words` in order, exactly;
 * - `substring`: `text` anywhere (scripts without spaces, such as Chinese and Japanese, and
 *   text with no letters or digits at all), folded.
 */
export type SearchTerm = {
  raw: string;
  text: string;
  words: string[];
  match: 'prefix' | 'phrase' | 'substring';
  negated: boolean;
};

export type ParsedQuery = {
  terms: SearchTerm[];
  from: string[];
  in: string[];
  has: HasFilter[];
  /** Epoch ms bounds: a message counts when after ≤ createdAt < before. */
  before: number | null;
  after: number | null;
};

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: string };

export const MAX_QUERY_LENGTH = 500;
export const MAX_TERMS = 16;
const DAY = 86_400_000;

/** Splits into tokens: "quoted phrases" (optionally -"negated") and runs of non-space. */
function tokenize(q: string): { token: string; quoted: boolean; negated: boolean }[] {
  const out: { token: string; quoted: boolean; negated: boolean }[] = [];
  // An unclosed quote runs to the end of the query, as people expect while typing.
  const re = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const m of q.matchAll(re)) {
    if (m[3] !== undefined) out.push({ token: m[3], quoted: false, negated: false });
    else out.push({ token: m[2] ?? '', quoted: true, negated: m[1] === '-' });
  }
  return out;
}

/** YYYY-MM-DD as the UTC midnight it starts at, or null when it is not a real day. */
export function parseDay(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  return ms;
}

function termOf(raw: string, quoted: boolean, negated: boolean): SearchTerm | null {
  const text = fold(raw).trim();
  if (text === '') return null;
  const words = wordsOf(text);
  if (words.length === 0 || isUnspaced(text)) {
    // Kana keep their voicing marks (ガ is not カ): only case and width are folded here.
    const exact = raw.normalize('NFKC').toLowerCase().trim();
    return { raw, text: exact, words, match: 'substring', negated };
  }
  return { raw, text, words, match: quoted ? 'phrase' : 'prefix', negated };
}

const FILTER = /^(from|in|has|before|after):(.*)$/iu;

export function parseQuery(input: string): ParseResult {
  if (input.length > MAX_QUERY_LENGTH) {
    return { ok: false, error: `A search is at most ${MAX_QUERY_LENGTH} characters.` };
  }
  const query: ParsedQuery = { terms: [], from: [], in: [], has: [], before: null, after: null };
  for (const { token, quoted, negated } of tokenize(input)) {
    if (quoted) {
      const term = termOf(token, true, negated);
      if (term) query.terms.push(term);
      continue;
    }
    const filter = FILTER.exec(token);
    if (filter) {
      const key = filter[1]!.toLowerCase();
      const value = filter[2]!;
      if (value === '')
        return { ok: false, error: `${key}: needs a value, such as ${example(key)}.` };
      if (key === 'from') query.from.push(value.replace(/^@/u, ''));
      else if (key === 'in') query.in.push(value.replace(/^#/u, ''));
      else if (key === 'has') {
        const has = value.toLowerCase();
        if (!(HAS_VALUES as readonly string[]).includes(has)) {
          return { ok: false, error: `has: takes ${HAS_VALUES.join(', ')}, not "${value}".` };
        }
        if (!query.has.includes(has as HasFilter)) query.has.push(has as HasFilter);
      } else {
        const day = parseDay(value);
        if (day === null) return { ok: false, error: `${key}: takes a date such as 2026-12-01.` };
        if (key === 'before') query.before = day;
        else query.after = day + DAY;
      }
      continue;
    }
    const negatedWord = token.startsWith('-') && token.length > 1;
    const term = termOf(negatedWord ? token.slice(1) : token, false, negatedWord);
    if (term) query.terms.push(term);
  }
  if (query.terms.length > MAX_TERMS) {
    return { ok: false, error: `A search takes at most ${MAX_TERMS} words or phrases.` };
  }
  if (query.before !== null && query.after !== null && query.after >= query.before) {
    return { ok: false, error: 'after: must be at least a day before before:.' };
  }
  const positive = query.terms.some((t) => !t.negated);
  const filtered = query.from.length + query.in.length + query.has.length > 0;
  if (!positive && !filtered && query.before === null && query.after === null) {
    return { ok: false, error: 'Type a word to search for, or a filter such as from:@name.' };
  }
  return { ok: true, query };
}

function example(key: string): string {
  return (
    { from: 'from:@ana', in: 'in:#team', has: 'has:image', before: 'before:2026-12-01' }[key] ??
    'after:2026-12-01'
  );
}
