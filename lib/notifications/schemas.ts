import { z } from 'zod';

import { notificationLevelSchema } from './wire';

/** GET /notifications */
export const notificationsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(500).optional(),
});

/** POST /notifications/read: some ids, or everything. */
export const readNotificationsSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** PATCH /me/notification-settings */
export const updateNotificationSettingsSchema = z
  .object({ level: notificationLevelSchema, emailDigest: z.boolean(), doNotDisturb: z.boolean() })
  .partial()
  .refine(
    (v) => v.level !== undefined || v.emailDigest !== undefined || v.doNotDisturb !== undefined,
    { message: 'Send level, emailDigest and/or doNotDisturb' },
  );

/** PATCH /conversations/:id/membership: the caller's own settings for one conversation. */
export const updateMembershipSchema = z.object({ muted: z.boolean() }).strict();
