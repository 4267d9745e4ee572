import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { listNotificationsEndpoint } from '@/lib/notifications/endpoints';
import { listNotifications } from '@/lib/notifications/server/service';

export const runtime = 'nodejs';

/** The caller's notifications, newest first, with their unread count. */
export const GET = handle(listNotificationsEndpoint, async ({ user, query }) =>
  json(await listNotifications(await getStore(), user, query)),
);

export * from '@/lib/openapi/methods-not-taken';
