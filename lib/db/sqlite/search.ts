import { z } from 'zod';

import type { SearchPort, SearchTermInput } from '../ports/search';
import { decodeCursor, encodeCursor, pageSize } from '../rules';
import { isUnspaced } from '../search-text';
import type { Db } from './connection';
import { messageReader, type MessageRow } from './message-reader';

/**
 * Search over the two FTS5 indexes of the search migration (#15, see there). The words index drives every
 * query: its `meta` column holds the conversation, author and has: tokens, so "only the
 * conversations I am in now" is an OR of conversation tokens answered by the index, and newest
 * first is the index's own rowid order (messages' rowids grow with time), which FTS5 walks
 * backwards and stops after a page. Substring terms (text without spaces) add a trigram lookup,
 * or, when shorter than a trigram, an instr() check on the rows the index already narrowed.
 */

const cursorSchema = z.union([
  z.object({ r: z.number().int() }),
  z.object({ o: z.number().int().nonnegative() }),
]);

/** An FTS5 string literal: double quotes doubled, nothing else is special inside one. */
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** Column-filtered OR of meta tokens (ids lose their `_`, as in the migration's view). */
const metaAny = (prefix: string, ids: string[]) =>
  `meta : (${ids.map((id) => quote(prefix + id.replaceAll('_', ''))).join(' OR ')})`;

function ftsTerm(term: SearchTermInput): string {
  const phrase = quote(term.words.join(' '));
  return `body : ${term.match === 'prefix' ? `${phrase} *` : phrase}`;
}

/** Trigrams need three characters; shorter substrings are checked on the narrowed rows. */
const trigramable = (term: SearchTermInput) => isUnspaced(term.text) && [...term.text].length >= 3;

export function searchFunctions(db: Db): SearchPort {
  const read = messageReader(db);
  const memberOf = db.prepare<[string], { conversation_id: string }>(
    'SELECT conversation_id FROM memberships WHERE user_id = ?',
  );

  return {
    async searchMessages(input) {
      const size = pageSize(input.limit);
      let conversations = memberOf.all(input.userId).map((r) => r.conversation_id);
      if (input.conversationIds) {
        const wanted = new Set(input.conversationIds);
        conversations = conversations.filter((id) => wanted.has(id));
      }
      if (conversations.length === 0) return { messages: [], nextCursor: null };

      const positive = [metaAny('conv', conversations)];
      if (input.authorIds) {
        if (input.authorIds.length === 0) return { messages: [], nextCursor: null };
        positive.push(metaAny('from', input.authorIds));
      }
      for (const has of new Set(input.has ?? [])) positive.push(`meta : has${has}`);
      const negative: string[] = [];
      const where: string[] = [];
      const params: unknown[] = [];
      for (const term of input.terms) {
        if (term.match !== 'substring') {
          (term.negated ? negative : positive).push(ftsTerm(term));
        } else if (!term.negated && trigramable(term)) {
          where.push(
            'm.rowid IN (SELECT rowid FROM message_search_cjk WHERE message_search_cjk MATCH ?)',
          );
          params.push(quote(term.text));
        } else {
          where.push(`instr(lower(m.body), ?) ${term.negated ? '= 0' : '> 0'}`);
          params.push(term.text);
        }
      }
      const match = [`(${positive.join(' AND ')})`, ...negative.map((n) => `(${n})`)].join(' NOT ');
      if (input.before != null) {
        where.push('m.created_at < ?');
        params.push(input.before);
      }
      if (input.after != null) {
        where.push('m.created_at >= ?');
        params.push(input.after);
      }

      const cursor = decodeCursor(input.cursor, cursorSchema);
      const relevance = input.sort === 'relevance';
      let order: string;
      let offset = 0;
      if (relevance) {
        offset = cursor && 'o' in cursor ? cursor.o : 0;
        order =
          'ORDER BY bm25(message_search, 1.0, 0.0), message_search.rowid DESC LIMIT ? OFFSET ?';
      } else {
        if (cursor && 'r' in cursor) {
          where.push('message_search.rowid < ?');
          params.push(cursor.r);
        }
        order = 'ORDER BY message_search.rowid DESC LIMIT ?';
      }
      // CROSS JOIN keeps the index as the outer loop: it yields rowids newest first and the
      // LIMIT stops it after a page.
      const sql = `SELECT m.*, message_search.rowid AS search_rowid
        FROM message_search CROSS JOIN messages m ON m.rowid = message_search.rowid
        WHERE message_search MATCH ? ${where.map((w) => `AND ${w}`).join(' ')}
        ${order}`;
      const rows = db
        .prepare<unknown[], MessageRow & { search_rowid: number }>(sql)
        .all(match, ...params, size + 1, ...(relevance ? [offset] : []));
      const hasMore = rows.length > size;
      const page = rows.slice(0, size);
      const last = page.at(-1);
      const nextCursor =
        hasMore && last
          ? encodeCursor(relevance ? { o: offset + size } : { r: last.search_rowid })
          : null;
      return { messages: read(page), nextCursor };
    },
  };
}
