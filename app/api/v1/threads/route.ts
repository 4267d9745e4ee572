import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { listFollowedThreadsEndpoint } from '@/lib/threads/endpoints';
import { listFollowedThreads } from '@/lib/threads/server/threads';

export const runtime = 'nodejs';

/** The Threads view: followed threads, unread first. */
export const GET = handle(listFollowedThreadsEndpoint, async ({ user, query }) =>
  json(await listFollowedThreads(await getStore(), user, query)),
);

export * from '@/lib/openapi/methods-not-taken';
