import { z } from 'zod';

/**
 * Notifications as the API and the inbox events carry them. One schema, shared by the route
 * handlers (responses, OpenAPI), the workers (events) and the browser (parsing).
 */
export const notificationKindSchema = z.enum([
  'mention',
  'dm',
  'reply',
  'message',
  'missed_call',
  'game_challenge',
  'game_turn',
]);
export const notificationLevelSchema = z.enum(['all', 'mentions', 'nothing']);

export const notificationWireSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  conversationId: z.string(),
  /** What the bell shows as the place: the group's name, or the other person's for a DM. */
  conversationName: z.string(),
  messageId: z.string().nullable(),
  callId: z.string().nullable(),
  seq: z.number().int().positive().nullable(),
  actor: z.object({ id: z.string(), name: z.string(), image: z.string().nullable() }).nullable(),
  preview: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationWire = z.infer<typeof notificationWireSchema>;

export const notificationsResponseSchema = z.object({
  notifications: z.array(notificationWireSchema),
  unreadCount: z.number().int().nonnegative(),
  nextCursor: z.string().nullable(),
  /** The caller's Do not disturb setting (the app stays silent), as of this page. */
  doNotDisturb: z.boolean(),
});

export const notificationSettingsWireSchema = z.object({
  level: notificationLevelSchema,
  emailDigest: z.boolean(),
  /** No web push (and no sounds in the app); notifications are still stored and counted. */
  doNotDisturb: z.boolean(),
});
export type NotificationSettingsWire = z.infer<typeof notificationSettingsWireSchema>;

export const notificationSettingsResponseSchema = z.object({
  settings: notificationSettingsWireSchema,
});
export const readNotificationsResponseSchema = z.object({
  ids: z.array(z.string()),
  unreadCount: z.number().int().nonnegative(),
});
