/**
 * Text folding shared by both store adapters, the query parser and the snippet: what "cafe"
 * and "café", "Muller" and "Müller" have in common. Lower case, compatibility-normalised,
 * combining marks removed (the same effect as FTS5's `remove_diacritics 2`).
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Scripts written without spaces between words: matched by substring, not by word prefix. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** The words of a text as FTS5's unicode61 tokenizer sees them (letters and digits), folded. */
export function wordsOf(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What has:link looks for in a body (both adapters use the same test). */
export function hasLink(body: string): boolean {
  return /https?:\/\/|www\./iu.test(body);
}
