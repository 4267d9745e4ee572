import { defineEndpoint } from '@/lib/api/endpoint';
import { conversationParamsSchema } from '@/lib/chat/schemas';
import { conversationResponseSchema } from '@/lib/chat/wire';

import {
  notificationsQuerySchema,
  readNotificationsSchema,
  updateMembershipSchema,
  updateNotificationSettingsSchema,
} from './schemas';
import {
  notificationSettingsResponseSchema,
  notificationsResponseSchema,
  readNotificationsResponseSchema,
} from './wire';

/** The bell (in-app notifications), notification preferences and muting a conversation. */

export const listNotificationsEndpoint = defineEndpoint({
  operationId: 'listNotifications',
  method: 'GET',
  path: '/api/v1/notifications',
  tag: 'Notifications',
  summary: 'Your notifications, newest first, with the unread count',
  auth: 'session-or-token',
  query: notificationsQuerySchema,
  responses: { 200: { description: 'Notifications', schema: notificationsResponseSchema } },
});

export const readNotificationsEndpoint = defineEndpoint({
  operationId: 'readNotifications',
  method: 'POST',
  path: '/api/v1/notifications/read',
  tag: 'Notifications',
  summary: 'Mark some notifications ({ids}) or all of them ({all: true}) read',
  auth: 'session-or-token',
  body: readNotificationsSchema,
  responses: {
    200: {
      description: 'The ids that were unread, and the unread count now',
      schema: readNotificationsResponseSchema,
    },
  },
  rateLimit: {
    name: 'notifications:read',
    rule: { limit: 120, windowMs: 60_000 },
    what: 'read updates',
  },
});

export const getNotificationSettingsEndpoint = defineEndpoint({
  operationId: 'getNotificationSettings',
  method: 'GET',
  path: '/api/v1/me/notification-settings',
  tag: 'Notifications',
  summary: 'What you are notified about',
  auth: 'session-or-token',
  responses: { 200: { description: 'Settings', schema: notificationSettingsResponseSchema } },
});

export const updateNotificationSettingsEndpoint = defineEndpoint({
  operationId: 'updateNotificationSettings',
  method: 'PATCH',
  path: '/api/v1/me/notification-settings',
  tag: 'Notifications',
  summary: 'Choose all messages / mentions and DMs only / nothing, and email digests on or off',
  auth: 'session-or-token',
  body: updateNotificationSettingsSchema,
  responses: { 200: { description: 'Settings', schema: notificationSettingsResponseSchema } },
  rateLimit: {
    name: 'me:notification-settings',
    rule: { limit: 30, windowMs: 60_000 },
    what: 'setting changes',
  },
});

export const updateMembershipEndpoint = defineEndpoint({
  operationId: 'updateMembership',
  method: 'PATCH',
  path: '/api/v1/conversations/{id}/membership',
  tag: 'Conversations',
  summary: 'Mute or unmute a conversation for yourself (no notifications from it)',
  auth: 'session-or-token',
  params: conversationParamsSchema,
  body: updateMembershipSchema,
  responses: { 200: { description: 'Conversation', schema: conversationResponseSchema } },
  rateLimit: {
    name: 'conversations:membership',
    rule: { limit: 60, windowMs: 60_000 },
    what: 'conversation setting changes',
  },
});
