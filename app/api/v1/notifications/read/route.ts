import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { readNotificationsEndpoint } from '@/lib/notifications/endpoints';
import { markNotificationsRead } from '@/lib/notifications/server/service';

export const runtime = 'nodejs';

/** Marks `{ids}` (the caller's own; others are ignored) or `{all: true}` read. */
export const POST = handle(readNotificationsEndpoint, async ({ user, body }) =>
  json(await markNotificationsRead(await getStore(), user, body)),
);

export * from '@/lib/openapi/methods-not-taken';
