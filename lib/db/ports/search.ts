import type { Message } from '../types';

/**
 * One thing to look for, already folded (lib/search/query.ts builds these from the search box):
 * - `prefix`: `words` in order, the last one a prefix of a word ("hel" finds "hello");
 * - `phrase`: `words` in order, exactly;
 * - `substring`: `text` anywhere in the folded body (scripts without spaces, such as Chinese
 *   and Japanese, and text without letters or digits).
 * `negated` terms exclude the messages they match.
 */
export type SearchTermInput = {
  text: string;
  words: string[];
  match: 'prefix' | 'phrase' | 'substring';
  negated: boolean;
};

export type SearchHas = 'image' | 'link' | 'file';

/** Full-text search over messages. */
export interface SearchPort {
  /**
   * Messages `userId` can read now: only conversations they are a member of at the moment of
   * the call (intersected with `conversationIds` when given), never a deleted or system message,
   * an edited one by its current text. Every term must match (negated ones must not);
   * `authorIds` (any of), `has` (all of), `after` ≤ createdAt < `before` (epoch ms) narrow it.
   * `sort: 'newest'` pages newest first; `'relevance'` best first. `cursor` is this adapter's
   * opaque `nextCursor`; one it cannot read starts from the top.
   */
  searchMessages(input: {
    userId: string;
    terms: SearchTermInput[];
    conversationIds?: string[] | null;
    authorIds?: string[] | null;
    has?: SearchHas[];
    before?: number | null;
    after?: number | null;
    sort: 'newest' | 'relevance';
    limit: number;
    cursor?: string | null;
  }): Promise<{ messages: Message[]; nextCursor: string | null }>;
}
