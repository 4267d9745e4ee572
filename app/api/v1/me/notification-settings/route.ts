import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import {
  getNotificationSettingsEndpoint,
  updateNotificationSettingsEndpoint,
} from '@/lib/notifications/endpoints';
import {
  getNotificationSettings,
  updateNotificationSettings,
} from '@/lib/notifications/server/service';

export const runtime = 'nodejs';

/** What the caller wants to hear about: `level` (all / mentions / nothing) and email digests. */
export const GET = handle(getNotificationSettingsEndpoint, async ({ user }) =>
  json({ settings: await getNotificationSettings(await getStore(), user) }),
);

export const PATCH = handle(updateNotificationSettingsEndpoint, async ({ user, body }) =>
  json({ settings: await updateNotificationSettings(await getStore(), user, body) }),
);

export * from '@/lib/openapi/methods-not-taken';
