/**
 * `@Name` mentions: found in message text (to highlight and to list who was addressed) and typed
 * in the composer (autocomplete). Names may contain spaces, so matching is against the members'
 * names, never a regex for "a word after @".
 */

export type MentionMember = { id: string; name: string };
export type MentionMatch = { start: number; end: number; member: MentionMember };

// Letters and digits of any script: "@Ana" must not match inside "@Anabel", nor in "ana@x.org".
const WORD = /[\p{L}\p{N}_]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/** Every `@Name` of a member in `text`, in order; the longest name wins ("@Ana Lima" over "@Ana"). */
export function findMentions(text: string, members: readonly MentionMember[]): MentionMatch[] {
  const candidates = members
    .filter((m) => m.name.trim() !== '')
    .map((member) => ({ member, lower: member.name.toLowerCase() }))
    .sort((a, b) => b.member.name.length - a.member.name.length);
  const found: MentionMatch[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let next = at + 1;
    if (!isWordChar(text[at - 1])) {
      // Lower-case slices of the text, not the whole text: lower-casing can change lengths (İ).
      const hit = candidates.find(({ member, lower }) => {
        const end = at + 1 + member.name.length;
        return text.slice(at + 1, end).toLowerCase() === lower && !isWordChar(text[end]);
      });
      if (hit) {
        next = at + 1 + hit.member.name.length;
        found.push({ start: at, end: next, member: hit.member });
      }
    }
    at = text.indexOf('@', next);
  }
  return found;
}

/** The ids of members mentioned in `body`, each once, in order of first mention. */
export function extractMentions(body: string, members: readonly MentionMember[]): string[] {
  return [...new Set(findMentions(body, members).map((m) => m.member.id))];
}

/**
 * The mention being typed just before the caret, for autocomplete: `{query: 'an', start}` for
 * "hi @an|" (`start` = index of the '@'), `{query: ''}` right after an '@', else null. The query
 * stops at whitespace: the popup lists names that start with it.
 */
export function mentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\p{L}\p{N}_@])@([^\s@]{0,64})$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { query, start: caret - query.length - 1 };
}

/**
 * Replaces the mention being typed (including the rest of a word the caret is inside) with
 * `@Name ` and puts the caret after the space; with nothing being typed, inserts at the caret.
 */
export function applyMention(
  text: string,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const active = mentionQuery(text, caret);
  const start = active ? active.start : caret;
  let end = caret;
  if (active) while (end < text.length && !/[\s@]/.test(text[end] ?? ' ')) end++;
  const rest = text.slice(end);
  // A mention glued to a word is not one ("ab@Ana"); a following space is reused, not doubled.
  const lead = !active && isWordChar(text[caret - 1]) ? ' ' : '';
  const spaced = /^\s/.test(rest);
  const insert = `${lead}@${name}${spaced ? '' : ' '}`;
  return {
    text: text.slice(0, start) + insert + rest,
    caret: start + insert.length + (spaced ? 1 : 0),
  };
}
