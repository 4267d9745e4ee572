import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { notificationsQuerySchema } from '@/lib/notifications/schemas';
import { listNotifications } from '@/lib/notifications/service';

export const runtime = 'nodejs';

/** The caller's notifications, newest first, with their unread count. */
export const GET = authedRoute({ query: notificationsQuerySchema }, async ({ user, query }) =>
  json(await listNotifications(await getStore(), user, query)),
);
