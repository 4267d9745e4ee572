import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { getThreadEndpoint } from '@/lib/threads/endpoints';
import { getThread } from '@/lib/threads/server/threads';

export const runtime = 'nodejs';

/** The root and a page of its replies. */
export const GET = handle(getThreadEndpoint, async ({ user, params, query }) =>
  json(await getThread(await getStore(), user, params.id, query)),
);

export * from '@/lib/openapi/methods-not-taken';
