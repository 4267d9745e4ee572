import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { markThreadReadEndpoint } from '@/lib/threads/endpoints';
import { markThreadRead } from '@/lib/threads/server/threads';

export const runtime = 'nodejs';

export const POST = handle(markThreadReadEndpoint, async ({ user, params, body }) =>
  json(await markThreadRead(await getStore(), user, params.id, body.seq)),
);

export * from '@/lib/openapi/methods-not-taken';
