import 'server-only';

import type { Store } from '@/lib/db/store';
import type { Notification } from '@/lib/db/types';
import { notificationPath, placeName } from '@/lib/notifications/present';
import { DIGEST_KINDS } from '@/lib/notifications/rules';

import { buildDigestEmail, type DigestEntry } from './digest-content';
import { appUrl, unsubscribeOneClickUrl, unsubscribePageUrl } from './links';
import { digestDelayMs, rescheduleDigest } from './schedule';
import { sendEmail, type EmailMessage, type SentEmail } from './transport';
import { mintUnsubscribeToken } from './unsubscribe-token';

/** At most this many notifications in one email; more go out in a digest right after. */
export const DIGEST_LIMIT = 100;

export type DigestOutcome =
  | { status: 'sent'; notificationIds: string[]; email: SentEmail }
  /** Nothing unread and not emailed yet. */
  | { status: 'empty' }
  /** The person turned digests off (or all notifications). */
  | { status: 'off' }
  /** Everything is younger than the delay: queued again for when the oldest is due. */
  | { status: 'not-due'; dueAt: Date };

/**
 * One person's digest: everything unread (mentions, DMs, replies) not emailed yet, sent as one
 * email once at least one of them has waited EMAIL_DIGEST_DELAY_MINUTES. Then they are marked
 * emailed, so running this again sends nothing until something new arrives. Reading a
 * conversation reads its notifications, so what was read in time never goes out.
 *
 * The email goes before the marks: a crash in between sends one digest twice, rather than none.
 */
export async function sendDigest(input: {
  store: Store;
  userId: string;
  now?: Date;
  send?: (message: EmailMessage) => Promise<SentEmail>;
}): Promise<DigestOutcome> {
  const { store, userId } = input;
  const now = input.now ?? new Date();
  const pending = await store.listUnemailedNotifications({
    userId,
    kinds: [...DIGEST_KINDS],
    limit: DIGEST_LIMIT,
  });
  if (pending.length === 0) return { status: 'empty' };

  const [settings, user] = await Promise.all([
    store.getNotificationSettings({ userId }),
    store.getUserById({ id: userId }),
  ]);
  if (!user || settings.level === 'nothing' || !settings.emailDigest) return { status: 'off' };

  const oldest = Math.min(...pending.map((n) => n.createdAt.getTime()));
  const dueAt = new Date(oldest + digestDelayMs());
  if (dueAt > now) {
    await rescheduleDigest({ userId, dueAt, store });
    return { status: 'not-due', dueAt };
  }

  const entries = await describe(store, pending);
  const token = await mintUnsubscribeToken({ userId, now });
  const content = buildDigestEmail({
    recipientName: user.name,
    entries,
    appUrl: appUrl('/chats'),
    settingsUrl: appUrl('/settings'),
    unsubscribeUrl: unsubscribePageUrl(token),
  });
  const email = await (input.send ?? sendEmail)({
    to: { name: user.name, address: user.email },
    ...content,
    headers: {
      // RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs here.
      'List-Unsubscribe': `<${unsubscribeOneClickUrl(token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  });

  const notificationIds = pending.map((n) => n.id);
  await store.markNotificationsEmailed({ ids: notificationIds, at: now });
  await store.updateNotificationSettings({ userId, lastDigestAt: now });
  // A full page means more are waiting: they go out in the next digest, right away.
  if (pending.length === DIGEST_LIMIT) await rescheduleDigest({ userId, dueAt: now, store });
  return { status: 'sent', notificationIds, email };
}

async function describe(store: Store, notifications: Notification[]): Promise<DigestEntry[]> {
  const conversationIds = [...new Set(notifications.map((n) => n.conversationId))];
  const actorIds = [...new Set(notifications.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const [conversations, actors] = await Promise.all([
    Promise.all(conversationIds.map((id) => store.getConversation({ id }))),
    store.getUsersByIds({ ids: actorIds }),
  ]);
  const conversationById = new Map(conversations.flatMap((c) => (c ? [[c.id, c]] : [])));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  return notifications.map((n) => {
    const conversation = conversationById.get(n.conversationId) ?? null;
    const actor = n.actorId ? (actorById.get(n.actorId) ?? null) : null;
    return {
      kind: n.kind,
      conversationId: n.conversationId,
      conversationName: placeName(conversation, actor),
      direct: conversation?.kind === 'direct',
      actorName: actor?.name ?? null,
      preview: n.preview,
      url: appUrl(notificationPath(n)),
    };
  });
}
