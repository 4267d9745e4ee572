import { describe, expect, it } from 'vitest';

import { applyMention, extractMentions, findMentions, mentionQuery } from './mentions';

const members = [
  { id: 'ana', name: 'Ana' },
  { id: 'ana-lima', name: 'Ana Lima' },
  { id: 'ben', name: 'Ben' },
  { id: 'zoe', name: 'Zoë' },
];

describe('extractMentions', () => {
  it('finds members by name, case-insensitively, in order and once each', () => {
    expect(extractMentions('@ben and @ANA, then @Ben again', members)).toEqual(['ben', 'ana']);
  });

  it('prefers the longest name', () => {
    expect(extractMentions('hi @Ana Lima!', members)).toEqual(['ana-lima']);
    expect(extractMentions('hi @Ana Li', members)).toEqual(['ana']);
  });

  it('needs a word boundary after the name and none before the @', () => {
    expect(extractMentions('@Anabel and @Bench', members)).toEqual([]);
    expect(extractMentions('mail ana@ben.org', members)).toEqual([]);
    expect(extractMentions('(@Ben) @Zoë.', members)).toEqual(['ben', 'zoe']);
  });

  it('ignores unknown names and a bare @', () => {
    expect(extractMentions('@ @nobody @everyone', members)).toEqual([]);
  });

  it('reports where each mention is, for highlighting', () => {
    expect(findMentions('yo @ben', members)).toEqual([
      { start: 3, end: 7, member: { id: 'ben', name: 'Ben' } },
    ]);
  });
});

describe('mentionQuery', () => {
  it('returns the partial name before the caret', () => {
    expect(mentionQuery('hi @an', 6)).toEqual({ query: 'an', start: 3 });
    expect(mentionQuery('@', 1)).toEqual({ query: '', start: 0 });
    expect(mentionQuery('hi @an there', 6)).toEqual({ query: 'an', start: 3 });
  });

  it('returns null outside a mention', () => {
    expect(mentionQuery('hello', 5)).toBeNull();
    expect(mentionQuery('hi @an there', 12)).toBeNull();
    expect(mentionQuery('mail ana@be', 11)).toBeNull();
  });
});

describe('applyMention', () => {
  it('replaces the partial name and puts the caret after a space', () => {
    expect(applyMention('hi @an', 6, 'Ana Lima')).toEqual({ text: 'hi @Ana Lima ', caret: 13 });
  });

  it('replaces the whole word the caret is in and reuses a following space', () => {
    expect(applyMention('hi @anxx you', 6, 'Ana')).toEqual({ text: 'hi @Ana you', caret: 8 });
  });

  it('inserts at the caret when no mention is being typed', () => {
    expect(applyMention('hi ', 3, 'Ben')).toEqual({ text: 'hi @Ben ', caret: 8 });
    expect(applyMention('hi', 2, 'Ben')).toEqual({ text: 'hi @Ben ', caret: 8 });
  });
});
