import { apiFetch } from '@/lib/api/client';

import { notificationSettingsWireSchema, notificationsResponseSchema } from './wire';
import type { NotificationSettingsWire } from './wire';

/** The browser's calls to the notification routes; answers are parsed, never cast. */
export async function fetchNotifications(cursor?: string | null) {
  const query = new URLSearchParams({ limit: '30' });
  if (cursor) query.set('cursor', cursor);
  return notificationsResponseSchema.parse(await apiFetch(`/api/v1/notifications?${query}`));
}

export async function readNotifications(input: { ids: string[] } | { all: true }) {
  return apiFetch<{ ids: string[]; unreadCount: number }>('/api/v1/notifications/read', {
    method: 'POST',
    json: input,
  });
}

export async function saveNotificationSettings(
  input: Partial<NotificationSettingsWire>,
): Promise<NotificationSettingsWire> {
  const body = await apiFetch<{ settings: unknown }>('/api/v1/me/notification-settings', {
    method: 'PATCH',
    json: input,
  });
  return notificationSettingsWireSchema.parse(body.settings);
}
