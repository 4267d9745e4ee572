import { z } from 'zod';

import { conversationResponseSchema } from '@/lib/chat/wire';
import {
  notificationsQuerySchema,
  readNotificationsSchema,
  updateMembershipSchema,
  updateNotificationSettingsSchema,
} from '@/lib/notifications/schemas';
import {
  notificationSettingsWireSchema,
  notificationsResponseSchema,
} from '@/lib/notifications/wire';

import type { Operation } from './operations';

const JSON_ERRORS = [400, 401, 413, 415, 422, 429];
const settings = z.object({ settings: notificationSettingsWireSchema });

/** The bell (in-app notifications), notification preferences and muting a conversation. */
export const notificationOperations: Operation[] = [
  {
    method: 'get',
    path: '/notifications',
    tag: 'Notifications',
    summary: 'Your notifications, newest first, with the unread count',
    auth: true,
    query: notificationsQuerySchema,
    response: { status: 200, schema: notificationsResponseSchema, description: 'Notifications' },
    errors: [400, 401],
  },
  {
    method: 'post',
    path: '/notifications/read',
    tag: 'Notifications',
    summary: 'Mark some notifications ({ids}) or all of them ({all: true}) read',
    auth: true,
    body: readNotificationsSchema,
    response: {
      status: 200,
      schema: z.object({ ids: z.array(z.string()), unreadCount: z.number().int() }),
      description: 'The ids that were unread, and the unread count now',
    },
    errors: JSON_ERRORS,
  },
  {
    method: 'get',
    path: '/me/notification-settings',
    tag: 'Notifications',
    summary: 'What you are notified about',
    auth: true,
    response: { status: 200, schema: settings, description: 'Settings' },
    errors: [401],
  },
  {
    method: 'patch',
    path: '/me/notification-settings',
    tag: 'Notifications',
    summary: 'Choose all messages / mentions and DMs only / nothing, and email digests on or off',
    auth: true,
    body: updateNotificationSettingsSchema,
    response: { status: 200, schema: settings, description: 'Settings' },
    errors: JSON_ERRORS,
  },
  {
    method: 'patch',
    path: '/conversations/{id}/membership',
    tag: 'Conversations',
    summary: 'Mute or unmute a conversation for yourself (no notifications from it)',
    auth: true,
    body: updateMembershipSchema,
    response: { status: 200, schema: conversationResponseSchema, description: 'Conversation' },
    errors: [...JSON_ERRORS, 404],
  },
];
