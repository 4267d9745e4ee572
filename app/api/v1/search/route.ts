import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { searchMessagesEndpoint } from '@/lib/search/endpoints';
import { searchMessages } from '@/lib/search/server/search';

export const runtime = 'nodejs';

/** Messages the caller can read now that match `q` and the filters (lib/search/query.ts). */
export const GET = handle(searchMessagesEndpoint, async ({ user, query }) =>
  json(await searchMessages(await getStore(), user, query)),
);

export * from '@/lib/openapi/methods-not-taken';
