import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { readNotificationsSchema } from '@/lib/notifications/schemas';
import { markNotificationsRead } from '@/lib/notifications/service';

export const runtime = 'nodejs';

/** Marks `{ids}` (the caller's own; others are ignored) or `{all: true}` read. */
export const POST = authedRoute(
  {
    body: readNotificationsSchema,
    rateLimit: {
      name: 'notifications:read',
      rule: { limit: 120, windowMs: 60_000 },
      what: 'read updates',
    },
  },
  async ({ user, body }) => json(await markNotificationsRead(await getStore(), user, body)),
);
