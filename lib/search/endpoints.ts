import { defineEndpoint } from '@/lib/api/endpoint';

import { searchQuerySchema } from './schemas';
import { searchResponseSchema } from './wire';

/** Full-text search over the messages the caller can read now. */
export const searchMessagesEndpoint = defineEndpoint({
  operationId: 'searchMessages',
  method: 'GET',
  path: '/api/v1/search',
  tag: 'Search',
  summary:
    'Search messages: words (prefixes), "phrases", -word, from:@name, in:#conversation, has:image|link|file, before:/after:YYYY-MM-DD',
  auth: 'session-or-token',
  query: searchQuerySchema,
  responses: {
    200: { description: 'Results, newest first or by relevance', schema: searchResponseSchema },
  },
  rateLimit: { name: 'search', rule: { limit: 30, windowMs: 10_000 }, what: 'searches' },
  errors: {
    bad_request: 'The query cannot be read (the message says why)',
    not_found: 'conversationId is not a conversation the caller is in',
  },
});
