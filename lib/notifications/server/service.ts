import 'server-only';

import type {
  ConversationsPort,
  MessagesPort,
  NotificationSettingsPort,
  NotificationsPort,
  UsersPort,
} from '@/lib/db/store';
import type { Conversation, User } from '@/lib/db/types';
import { publish } from '@/lib/realtime/server/publish';

import { toNotificationWire } from '../present';

export const DELETED_PREVIEW = 'This message was deleted';
import type { NotificationSettingsWire, NotificationWire } from '../wire';

/**
 * A page of the person's notifications (newest first) with their unread count, and whether Do not
 * disturb is on: the bell loads this on every (re)connect, so the app's sounds follow the setting
 * without a request of their own (#19).
 */
export async function listNotifications(
  store: NotificationsPort &
    NotificationSettingsPort &
    ConversationsPort &
    UsersPort &
    MessagesPort,
  user: User,
  input: { limit: number; cursor?: string | null },
): Promise<{
  notifications: NotificationWire[];
  unreadCount: number;
  nextCursor: string | null;
  doNotDisturb: boolean;
}> {
  const [page, unreadCount, settings] = await Promise.all([
    store.listNotifications({ userId: user.id, limit: input.limit, cursor: input.cursor }),
    store.countUnreadNotifications({ userId: user.id }),
    store.getNotificationSettings({ userId: user.id }),
  ]);
  const conversationIds = [...new Set(page.items.map((n) => n.conversationId))];
  const actorIds = [...new Set(page.items.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const messageIds = page.items.flatMap((n) => (n.messageId ? [n.messageId] : []));
  const [conversations, actors, messages] = await Promise.all([
    Promise.all(conversationIds.map((id) => store.getConversation({ id }))),
    store.getUsersByIds({ ids: actorIds }),
    store.getMessages({ ids: messageIds }),
  ]);
  // The preview is a copy taken when the notification was made: a message deleted since must not
  // live on in the bell.
  const deleted = new Set(messages.filter((m) => m.deletedAt).map((m) => m.id));
  const conversationById = new Map(
    conversations.filter((c): c is Conversation => c !== null).map((c) => [c.id, c]),
  );
  const actorById = new Map(actors.map((a) => [a.id, a]));
  return {
    notifications: page.items.map((n) =>
      toNotificationWire(
        n.messageId && deleted.has(n.messageId) ? { ...n, preview: DELETED_PREVIEW } : n,
        conversationById.get(n.conversationId) ?? null,
        n.actorId ? (actorById.get(n.actorId) ?? null) : null,
      ),
    ),
    unreadCount,
    nextCursor: page.nextCursor,
    doNotDisturb: settings.doNotDisturb,
  };
}

/** Tells the person's other tabs which notifications were read, and the count left. */
async function announceRead(
  store: NotificationsPort,
  userId: string,
  ids: string[],
): Promise<number> {
  const unreadCount = await store.countUnreadNotifications({ userId });
  if (ids.length > 0)
    await publish({
      party: 'main',
      room: userId,
      events: [{ type: 'notifications.read', ids, unreadCount }],
    });
  return unreadCount;
}

/** Marks notifications read (these ids, or all); other people's ids are ignored. */
export async function markNotificationsRead(
  store: NotificationsPort,
  user: User,
  input: { ids: string[] } | { all: true },
): Promise<{ ids: string[]; unreadCount: number }> {
  const ids = await store.markNotificationsRead({ userId: user.id, ...input });
  return { ids, unreadCount: await announceRead(store, user.id, ids) };
}

/** Reading a conversation up to `seq` reads its notifications up to there too. */
export async function readConversationNotifications(
  store: NotificationsPort,
  userId: string,
  conversationId: string,
  uptoSeq: number,
): Promise<void> {
  const ids = await store.markNotificationsRead({ userId, conversationId, uptoSeq });
  if (ids.length > 0) await announceRead(store, userId, ids);
}

export async function getNotificationSettings(
  store: NotificationSettingsPort,
  user: User,
): Promise<NotificationSettingsWire> {
  const { level, emailDigest, doNotDisturb } = await store.getNotificationSettings({
    userId: user.id,
  });
  return { level, emailDigest, doNotDisturb };
}

export async function updateNotificationSettings(
  store: NotificationSettingsPort,
  user: User,
  input: Partial<NotificationSettingsWire>,
): Promise<NotificationSettingsWire> {
  const { level, emailDigest, doNotDisturb } = await store.updateNotificationSettings({
    userId: user.id,
    ...input,
  });
  return { level, emailDigest, doNotDisturb };
}
