import 'client-only';

import { callEndpoint } from '@/lib/api/client';

import {
  listNotificationsEndpoint,
  readNotificationsEndpoint,
  updateNotificationSettingsEndpoint,
} from '../endpoints';
import type { NotificationSettingsWire } from '../wire';

/** The browser's calls to the notification routes; answers are parsed, never cast. */
export function fetchNotifications(cursor?: string | null) {
  return callEndpoint(listNotificationsEndpoint, {
    query: { limit: 30, cursor: cursor ?? undefined },
  });
}

export function readNotifications(input: { ids: string[] } | { all: true }) {
  return callEndpoint(readNotificationsEndpoint, { body: input });
}

export async function saveNotificationSettings(
  input: Partial<NotificationSettingsWire>,
): Promise<NotificationSettingsWire> {
  return (await callEndpoint(updateNotificationSettingsEndpoint, { body: input })).settings;
}
