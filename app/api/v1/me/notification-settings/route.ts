import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { updateNotificationSettingsSchema } from '@/lib/notifications/schemas';
import { getNotificationSettings, updateNotificationSettings } from '@/lib/notifications/service';

export const runtime = 'nodejs';

/** What the caller wants to hear about: `level` (all / mentions / nothing) and email digests. */
export const GET = authedRoute({}, async ({ user }) =>
  json({ settings: await getNotificationSettings(await getStore(), user) }),
);

export const PATCH = authedRoute(
  {
    body: updateNotificationSettingsSchema,
    rateLimit: {
      name: 'me:notification-settings',
      rule: { limit: 30, windowMs: 60_000 },
      what: 'setting changes',
    },
  },
  async ({ user, body }) =>
    json({ settings: await updateNotificationSettings(await getStore(), user, body) }),
);
