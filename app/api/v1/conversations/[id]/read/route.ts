import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { markRead } from '@/lib/chat/server/mark-read';
import { markReadEndpoint } from '@/lib/chat/message-endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Moves the caller's read position forward to `seq` (never back). */
export const POST = handle(markReadEndpoint, async ({ user, params, body }) =>
  json(await markRead(await getStore(), user, params.id, body.seq)),
);

export * from '@/lib/openapi/methods-not-taken';
