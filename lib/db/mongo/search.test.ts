import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';

import { parseQuery } from '@/lib/search/query';

import { messageSchema } from './models';
import { escapeRegex, searchFilter, termFilter } from './search';
import { searchFields } from './search-fields';

// Offline: the schema's indexes, and the regular expressions the adapter sends, run here with
// JavaScript's engine over the fields it stores. The contract suite (test/contracts/search.ts)
// runs the same cases against a real server when MONGODB_URI is set.

const termsOf = (q: string) => {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.query.terms;
};

/** Whether a stored body matches every term of `q`, as MongoDB would evaluate the filter. */
const matches = (body: string, q: string) => {
  const doc = searchFields('user', body);
  return termsOf(q).every((term) => {
    const [[field, condition]] = Object.entries(termFilter(term)) as [[string, unknown]];
    const value = field === 'searchWords' ? doc.searchWords : doc.searchText;
    if (condition instanceof RegExp) return condition.test(value);
    return !(condition as { $not: RegExp }).$not.test(value);
  });
};

describe('mongo search schema', () => {
  it('has a text index on the folded words with language none, and the newest-first index', () => {
    const indexes = messageSchema.indexes();
    const text = indexes.find(([fields]) => fields.searchWords === 'text');
    expect(text?.[1]).toMatchObject({ default_language: 'none', name: 'message_search' });
    expect(indexes.some(([f]) => f.conversationId === 1 && f.createdAt === -1)).toBe(true);
  });

  it('keeps the search fields on the document model', () => {
    const offline = mongoose.createConnection();
    const Message = offline.model('SearchProbe', messageSchema);
    const doc = new Message({ kind: 'user', body: 'x', ...searchFields('user', 'Café crème') });
    expect(doc.searchWords).toBe(' cafe creme ');
    expect(doc.searchText).toBe('cafe creme');
    return offline.close();
  });
});

describe('mongo search fields and filters', () => {
  it('leaves system messages and tombstones unsearchable', () => {
    expect(searchFields('system', 'renamed')).toEqual({ searchWords: '', searchText: '' });
    expect(searchFields('user', 'gone', true)).toEqual({ searchWords: '', searchText: '' });
  });

  it('escapes every regular-expression metacharacter', () => {
    const nasty = '.*+?^${}()|[]\\/-';
    expect(new RegExp(escapeRegex(nasty)).test(`a${nasty}b`)).toBe(true);
    expect(new RegExp(`^${escapeRegex('a.c')}$`).test('abc')).toBe(false);
  });

  it('matches prefixes of words, folded, never the middle of a word', () => {
    expect(matches('Hello from the Café', 'hel cafe')).toBe(true);
    expect(matches('Herr Müller', 'muller')).toBe(true);
    expect(matches('othello', 'hel')).toBe(false);
  });

  it('matches phrases in order and whole, and excludes -words', () => {
    expect(matches('lunch at noon today', '"lunch at noon"')).toBe(true);
    expect(matches('lunch at noonish', '"lunch at noon"')).toBe(false);
    expect(matches('lunch with pizza', 'lunch -pizza')).toBe(false);
  });

  it('matches text without spaces and punctuation by substring, as text', () => {
    expect(matches('東京タワーに行った', '東京')).toBe(true);
    expect(matches('東京タワーに行った', 'タワー')).toBe(true);
    expect(matches('is it done?! yes', '?!')).toBe(true);
    expect(matches('a.c', '"(.*)"')).toBe(false);
  });

  it('scopes to the given conversations and ranks phrases through the text index', () => {
    const filter = searchFilter(
      { userId: 'u', terms: termsOf('"lunch at noon" pizza'), sort: 'newest', limit: 20 },
      ['c_1'],
    );
    expect(filter).toMatchObject({
      conversationId: { $in: ['c_1'] },
      kind: 'user',
      deletedAt: null,
      $text: { $search: '"lunch at noon"' },
    });
  });
});
