import type { FilterQuery, PipelineStage } from 'mongoose';
import { z } from 'zod';

import type { SearchPort, SearchTermInput } from '../ports/search';
import { decodeCursor, encodeCursor, pageSize } from '../rules';
import { fold } from '../search-text';
import type { MessageDoc, Models } from './models';
import { toMessage } from './message-mapper';
import { searchFields } from './search-fields';

/** A literal for a regular expression: every metacharacter escaped. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The condition one term puts on a message (negated terms: its opposite). */
export function termFilter(term: SearchTermInput): FilterQuery<MessageDoc> {
  const [field, pattern] =
    term.match === 'substring'
      ? ['searchText', escapeRegex(fold(term.text))]
      : [
          'searchWords',
          ` ${escapeRegex(term.words.join(' '))}${term.match === 'phrase' ? ' ' : ''}`,
        ];
  const regex = new RegExp(pattern);
  return term.negated ? { [field]: { $not: regex } } : { [field]: regex };
}

const LINK = /https?:\/\/|www\./;
const cursorSchema = z.union([
  z.object({ at: z.number(), id: z.string() }),
  z.object({ o: z.number().int().nonnegative() }),
]);

/** The whole filter of a search, for the conversations the caller is in now. */
export function searchFilter(
  input: Parameters<SearchPort['searchMessages']>[0],
  conversationIds: string[],
): FilterQuery<MessageDoc> {
  const and: FilterQuery<MessageDoc>[] = input.terms.map(termFilter);
  const filter: FilterQuery<MessageDoc> = {
    conversationId: { $in: conversationIds },
    kind: 'user',
    deletedAt: null,
  };
  if (input.authorIds) filter.authorId = { $in: input.authorIds };
  const has = new Set(input.has ?? []);
  if (has.has('image') || has.has('file')) filter['attachments.0'] = { $exists: true };
  if (has.has('link')) and.push({ searchText: LINK });
  const createdAt: Record<string, Date> = {};
  if (input.before != null) createdAt.$lt = new Date(input.before);
  if (input.after != null) createdAt.$gte = new Date(input.after);
  if (Object.keys(createdAt).length) filter.createdAt = createdAt;
  // Whole words of quoted phrases go through the text index first; the regex then checks order.
  const phrases = input.terms.filter((t) => t.match === 'phrase' && !t.negated);
  if (phrases.length) {
    filter.$text = { $search: phrases.map((t) => `"${t.words.join(' ')}"`).join(' ') };
  }
  if (and.length) filter.$and = and;
  return filter;
}

export function searchFunctions({ Message, Membership }: Models): SearchPort {
  return {
    async searchMessages(input) {
      const size = pageSize(input.limit);
      const wanted = input.conversationIds ? new Set(input.conversationIds) : null;
      const conversations = (
        await Membership.find({ userId: input.userId }, { conversationId: 1 }).lean()
      )
        .map((m) => m.conversationId)
        .filter((id) => !wanted || wanted.has(id));
      if (conversations.length === 0 || input.authorIds?.length === 0) {
        return { messages: [], nextCursor: null };
      }
      const filter = searchFilter(input, conversations);
      const cursor = decodeCursor(input.cursor, cursorSchema);
      const byScore = input.sort === 'relevance' && filter.$text !== undefined;
      let docs: MessageDoc[];
      let nextCursor: string | null = null;
      if (input.sort === 'relevance') {
        // Ranked by the text index's score when a phrase used it; newest first otherwise.
        const offset = cursor && 'o' in cursor ? cursor.o : 0;
        const sort: PipelineStage.Sort['$sort'] = byScore
          ? { score: { $meta: 'textScore' }, createdAt: -1, _id: -1 }
          : { createdAt: -1, _id: -1 };
        docs = await Message.find(filter, { outbox: 0 })
          .sort(sort)
          .skip(offset)
          .limit(size + 1)
          .lean<MessageDoc[]>();
        if (docs.length > size) nextCursor = encodeCursor({ o: offset + size });
      } else {
        // The page condition joins the filter at the top level ($text may not sit in a $and).
        const query: FilterQuery<MessageDoc> =
          cursor && 'at' in cursor
            ? {
                ...filter,
                $or: [
                  { createdAt: { $lt: new Date(cursor.at) } },
                  { createdAt: new Date(cursor.at), _id: { $lt: cursor.id } },
                ],
              }
            : filter;
        docs = await Message.find(query, { outbox: 0 })
          .sort({ createdAt: -1, _id: -1 })
          .limit(size + 1)
          .lean<MessageDoc[]>();
        const last = docs[size - 1];
        if (docs.length > size && last) {
          nextCursor = encodeCursor({ at: last.createdAt.getTime(), id: last._id });
        }
      }
      return { messages: docs.slice(0, size).map(toMessage), nextCursor };
    },
  };
}

/**
 * Gives messages stored before search existed their search fields, in batches of 500; run at
 * start. Finding the documents without `searchWords` is a collection scan (no index holds a
 * missing field), which finds nothing once the first start has filled them in.
 */
export async function backfillSearchFields({ Message }: Models): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await Message.find(
      { searchWords: { $exists: false } },
      { kind: 1, body: 1, deletedAt: 1 },
    )
      .limit(500)
      .lean<Pick<MessageDoc, '_id' | 'kind' | 'body' | 'deletedAt'>[]>();
    if (batch.length === 0) return done;
    await Message.bulkWrite(
      batch.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $set: searchFields(doc.kind, doc.body ?? '', doc.deletedAt != null) },
        },
      })),
    );
    done += batch.length;
  }
}
