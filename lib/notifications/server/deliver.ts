import 'server-only';

import type {
  NotificationSettingsPort,
  NotificationsPort,
  PushSubscriptionsPort,
} from '@/lib/db/store';
import type { Conversation, NotificationKind, User } from '@/lib/db/types';
import { scheduleDigest } from '@/lib/email/server/schedule';
import { log } from '@/lib/log';
import { pushNotification } from '@/lib/push/server/send';
import { publish } from '@/lib/realtime/server/publish';

import { headline, notificationPath, toNotificationWire } from '../present';
import { DIGEST_KINDS } from '../rules';

export type Delivery = {
  userId: string;
  kind: NotificationKind;
  conversation: Conversation;
  actor: User | null;
  messageId: string | null;
  callId: string | null;
  seq: number | null;
  preview: string;
  /** What makes it one of a kind when messageId is shared (a game's notices): see the port. */
  sourceKey?: string;
};

/**
 * Delivers one notification to one person: stored once (in-app), then live to their tabs, a web
 * push to their browsers and, for what someone wrote to them, a digest email if it stays unread.
 * Safe to run twice: the store keeps one notification per source, a push goes out only while
 * `pushedAt` is unset, and digests are scheduled under a deduplication id.
 */
export async function deliverNotification(
  store: NotificationsPort & PushSubscriptionsPort & NotificationSettingsPort,
  d: Delivery,
): Promise<void> {
  const { notification, created } = await store.createNotification({
    userId: d.userId,
    kind: d.kind,
    sourceKey: d.sourceKey,
    conversationId: d.conversation.id,
    messageId: d.messageId,
    callId: d.callId,
    seq: d.seq,
    actorId: d.actor?.id ?? null,
    preview: d.preview,
  });
  if (notification.readAt) return;
  const wire = toNotificationWire(notification, d.conversation, d.actor);
  if (created) {
    const unreadCount = await store.countUnreadNotifications({ userId: d.userId });
    await publish({
      party: 'main',
      room: d.userId,
      events: [{ type: 'notification.created', notification: wire, unreadCount }],
    });
  }
  // Do not disturb: stored and counted (the bell, the badge), but no push to the person's devices.
  const quiet =
    !notification.pushedAt &&
    (await store.getNotificationSettings({ userId: d.userId })).doNotDisturb;
  if (!notification.pushedAt && !quiet) {
    const result = await pushNotification({
      store,
      userId: d.userId,
      message: {
        title: headline(wire),
        body: wire.preview,
        url: notificationPath(wire),
        tag: d.conversation.id,
      },
    });
    if (result.sent > 0)
      await store.markNotificationsPushed({ ids: [notification.id], at: new Date() });
    else if (result.failed > 0) log.warn({ userId: d.userId, result }, 'web push not delivered');
  }
  if (DIGEST_KINDS.includes(d.kind) && !notification.emailedAt)
    await scheduleDigest({ userId: d.userId, now: notification.createdAt });
}
