import { describe, expect, it } from 'vitest';

import { MAX_QUERY_LENGTH, parseQuery, type ParsedQuery } from './query';
import { snippetOf } from './snippet';

const ok = (q: string): ParsedQuery => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error);
  return r.query;
};
const fails = (q: string) => {
  const r = parseQuery(q);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
};

describe('parseQuery', () => {
  it('reads words as folded prefixes', () => {
    const q = ok('Café  MÜLLER');
    expect(q.terms.map((t) => [t.text, t.match, t.negated])).toEqual([
      ['cafe', 'prefix', false],
      ['muller', 'prefix', false],
    ]);
  });

  it('reads "exact phrase" as one phrase term with its words', () => {
    const [t] = ok('"Lunch at noon"').terms;
    expect(t).toMatchObject({ match: 'phrase', words: ['lunch', 'at', 'noon'] });
  });

  it('runs an unclosed quote to the end instead of failing', () => {
    expect(ok('"half typed').terms[0]).toMatchObject({ match: 'phrase', text: 'half typed' });
  });

  it('reads -word and -"phrase" as exclusions', () => {
    const q = ok('lunch -pizza -"fish soup"');
    expect(q.terms.map((t) => [t.text, t.negated])).toEqual([
      ['lunch', false],
      ['pizza', true],
      ['fish soup', true],
    ]);
  });

  it('keeps a lone "-" as text, not an exclusion of nothing', () => {
    expect(ok('a - b').terms.map((t) => t.raw)).toEqual(['a', '-', 'b']);
  });

  it('matches scripts without spaces and punctuation-only text by substring', () => {
    expect(ok('東京').terms[0]).toMatchObject({ match: 'substring', text: '東京' });
    expect(ok('?!').terms[0]).toMatchObject({ match: 'substring', text: '?!' });
  });

  it('reads the filters, with or without @ and #', () => {
    const q = ok(
      'from:@ana from:bo in:#team has:image has:LINK before:2026-12-01 after:2026-11-01 x',
    );
    expect(q).toMatchObject({ from: ['ana', 'bo'], in: ['team'], has: ['image', 'link'] });
    expect(q.before).toBe(Date.UTC(2026, 11, 1));
    // after: is exclusive: from the next day on.
    expect(q.after).toBe(Date.UTC(2026, 10, 2));
  });

  it('accepts filters alone, without words', () => {
    expect(ok('has:file').terms).toEqual([]);
  });

  it('refuses an empty query or one that only excludes', () => {
    fails('');
    fails('   ');
    fails('-pizza');
  });

  it('refuses an unknown has: value', () => {
    expect(fails('has:video')).toMatch(/image, link, file/);
  });

  it('refuses a filter without a value', () => {
    expect(fails('from: ana')).toMatch(/from: needs a value/);
  });

  it('refuses dates that are not real days', () => {
    fails('x before:2026-02-30');
    fails('x after:12/01/2026');
    fails('x before:2026-1-1');
  });

  it('refuses an empty date range', () => {
    fails('x after:2026-12-01 before:2026-12-02');
    expect(ok('x after:2026-12-01 before:2026-12-03').terms).toHaveLength(1);
  });

  it('refuses queries too long or with too many terms', () => {
    fails('a'.repeat(MAX_QUERY_LENGTH + 1));
    fails(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '));
  });

  it('treats other word:colon text as words', () => {
    expect(ok('https://example.com').terms[0]!.match).toBe('prefix');
  });
});

describe('snippetOf', () => {
  const terms = (q: string) => ok(q).terms;

  it('marks word-start prefixes in the original text, diacritics kept', () => {
    expect(snippetOf('Un café avec Müller', terms('cafe mu'))).toEqual([
      { text: 'Un ', match: false },
      { text: 'café', match: true },
      { text: ' avec ', match: false },
      { text: 'Mü', match: true },
      { text: 'ller', match: false },
    ]);
  });

  it('does not mark a prefix inside a word', () => {
    expect(snippetOf('othello', terms('hel')).some((s) => s.match)).toBe(false);
  });

  it('marks substrings of text without spaces', () => {
    expect(snippetOf('東京タワーに行った', terms('タワー'))).toEqual([
      { text: '東京', match: false },
      { text: 'タワー', match: true },
      { text: 'に行った', match: false },
    ]);
  });

  it('keeps markup as text: segments are never HTML', () => {
    const segments = snippetOf('<img src=x onerror=alert(1)> hello', terms('hello'));
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> hello');
  });

  it('windows long bodies around the first match with ellipses', () => {
    const body = `${'a '.repeat(200)}needle${' b'.repeat(200)}`;
    const segments = snippetOf(body, terms('needle'), 60);
    expect(segments[0]).toEqual({ text: '…', match: false });
    expect(segments.at(-1)).toEqual({ text: '…', match: false });
    expect(segments.find((s) => s.match)?.text).toBe('needle');
  });

  it('leaves excluded terms unmarked', () => {
    expect(snippetOf('pizza', terms('x -pizza')).some((s) => s.match)).toBe(false);
  });
});
