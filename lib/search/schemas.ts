import { z } from 'zod';

import { HAS_VALUES, MAX_QUERY_LENGTH, parseDay } from './query';

/** The search endpoint's query string. `q` holds the query language (lib/search/query.ts). */
const day = z
  .string()
  .refine((value) => parseDay(value) !== null, 'must be a date such as 2026-12-01');

export const SEARCH_SORTS = ['newest', 'relevance'] as const;

export const searchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `is at most ${MAX_QUERY_LENGTH} characters`).default(''),
  /** Only this conversation (the caller must be a member: 404 otherwise). */
  conversationId: z.string().trim().min(1).max(64, 'is not an id').optional(),
  /** Only messages by this person (a user id; the query's from:@name takes names). */
  from: z.string().trim().min(1).max(64, 'is not an id').optional(),
  has: z.enum(HAS_VALUES).optional(),
  before: day.optional(),
  after: day.optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'limit is at least 1')
    .max(50, 'limit is at most 50')
    .default(20),
  cursor: z.string().max(200, 'is not a cursor').optional(),
  sort: z.enum(SEARCH_SORTS).default('newest'),
});
export type SearchQueryInput = z.infer<typeof searchQuerySchema>;
