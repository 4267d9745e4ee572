import { fold, wordsOf } from '../search-text';

/**
 * Search on MongoDB. Each message document carries two derived fields, written with the body
 * (create, edit, tombstone) so they never disagree with it:
 * - `searchWords`: the folded words joined by single spaces, with a space at each end, so a word
 *   prefix is the plain substring " hel" and a phrase " lunch at noon " (no \p classes or
 *   lookbehinds, which MongoDB's regex engine treats differently across versions). The text
 *   index (default_language 'none': no stemming, no stop words) is built on it and answers
 *   quoted phrases, whose whole words it can match.
 * - `searchText`: the folded body, for substrings in text without spaces (東京 inside
 *   東京タワーに行った) and text without letters, which no word index finds.
 * Both are empty for system messages and tombstones, so these never match.
 */
export function searchFields(kind: 'user' | 'system', body: string, deleted = false) {
  if (kind === 'system' || deleted) return { searchWords: '', searchText: '' };
  const words = wordsOf(body);
  return { searchWords: words.length ? ` ${words.join(' ')} ` : '', searchText: fold(body) };
}
