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
  /** Nothing to send: nothing unread and not emailed yet, or an overlapping run claimed it. */
  | { status: 'empty' }
  /** The person turned digests off (or all notifications). */
  | { status: 'off' }
  /** Everything is younger than the delay: queued again for when the oldest is due. */
  | { status: 'not-due'; dueAt: Date };

/**
 * One person's digest: everything unread (mentions, DMs, replies) not emailed yet, sent as one
 * email once at least one of them has waited EMAIL_DIGEST_DELAY_MINUTES. Reading a conversation
 * reads its notifications, so what was read in time never goes out; nor do notifications about
 * a message deleted since, or in a conversation the person left or has read past (those are
 * marked read here, so they stop coming back).
 *
 * Two runs for one person may overlap (a rescheduled job and a bucket's job due at once; both
 * queues run jobs concurrently), so the notifications are claimed (marked emailed) before the
 * email goes and each run sends only what it claimed. A send that throws gives the claims back
 * and the job retries; a crash between claim and send loses that digest rather than doubling it.
 */
export async function sendDigest(input: {
  store: Pick<
    Store,
    | 'clearNotificationsEmailed'
    | 'enqueueJob'
    | 'getConversation'
    | 'getMembership'
    | 'getMessages'
    | 'getNotificationSettings'
    | 'getUserById'
    | 'getUsersByIds'
    | 'listJobs'
    | 'listUnemailedNotifications'
    | 'markNotificationsEmailed'
    | 'markNotificationsRead'
    | 'relayOutbox'
    | 'updateNotificationSettings'
  >;
  userId: string;
  now?: Date;
  send?: (message: EmailMessage) => Promise<SentEmail>;
}): Promise<DigestOutcome> {
  const { store, userId } = input;
  const now = input.now ?? new Date();
  const page = await store.listUnemailedNotifications({
    userId,
    kinds: [...DIGEST_KINDS],
    limit: DIGEST_LIMIT,
  });
  if (page.length === 0) return { status: 'empty' };

  const [settings, user] = await Promise.all([
    store.getNotificationSettings({ userId }),
    store.getUserById({ id: userId }),
  ]);
  if (!user || settings.level === 'nothing' || !settings.emailDigest) return { status: 'off' };

  // A full page means more are waiting: they go out in the next digest, right away.
  const more = page.length === DIGEST_LIMIT;
  const pending = await dropStale({ store, userId, notifications: page });
  if (pending.length === 0) {
    if (more) await rescheduleDigest({ userId, dueAt: now, store });
    return { status: 'empty' };
  }

  const oldest = Math.min(...pending.map((n) => n.createdAt.getTime()));
  const dueAt = new Date(oldest + digestDelayMs());
  if (dueAt > now) {
    await rescheduleDigest({ userId, dueAt, store });
    return { status: 'not-due', dueAt };
  }

  const claimedIds = new Set(
    await store.markNotificationsEmailed({ ids: pending.map((n) => n.id), at: now }),
  );
  // Everything went to a run that overlapped this one: it sends them.
  if (claimedIds.size === 0) return { status: 'empty' };
  const claimed = pending.filter((n) => claimedIds.has(n.id));
  const notificationIds = claimed.map((n) => n.id);

  let email: SentEmail;
  try {
    const entries = await describe(store, claimed);
    const token = await mintUnsubscribeToken({ userId, now });
    const content = buildDigestEmail({
      recipientName: user.name,
      entries,
      appUrl: appUrl('/chats'),
      settingsUrl: appUrl('/settings'),
      unsubscribeUrl: unsubscribePageUrl(token),
    });
    email = await (input.send ?? sendEmail)({
      to: { name: user.name, address: user.email },
      ...content,
      headers: {
        // RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs here.
        'List-Unsubscribe': `<${unsubscribeOneClickUrl(token)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
      },
    });
  } catch (error) {
    // Not sent: the retry (or the next digest) claims them again.
    await store.clearNotificationsEmailed({ ids: notificationIds });
    throw error;
  }

  await store.updateNotificationSettings({ userId, lastDigestAt: now });
  if (more) await rescheduleDigest({ userId, dueAt: now, store });
  return { status: 'sent', notificationIds, email };
}

/**
 * The notifications still worth an email: not about a message since deleted, in a conversation
 * the person still belongs to, and past their read position there. The others are marked read.
 */
async function dropStale(input: {
  store: Pick<Store, 'getMembership' | 'getMessages' | 'markNotificationsRead'>;
  userId: string;
  notifications: Notification[];
}): Promise<Notification[]> {
  const { store, userId, notifications } = input;
  const messageIds = [...new Set(notifications.flatMap((n) => (n.messageId ? [n.messageId] : [])))];
  const conversationIds = [...new Set(notifications.map((n) => n.conversationId))];
  const [messages, memberships] = await Promise.all([
    store.getMessages({ ids: messageIds }),
    Promise.all(
      conversationIds.map((conversationId) => store.getMembership({ conversationId, userId })),
    ),
  ]);
  const liveMessageIds = new Set(messages.flatMap((m) => (m.deletedAt ? [] : [m.id])));
  const membershipOf = new Map(memberships.flatMap((m) => (m ? [[m.conversationId, m]] : [])));

  const keep: Notification[] = [];
  const stale: string[] = [];
  for (const n of notifications) {
    const membership = membershipOf.get(n.conversationId);
    const fresh =
      membership !== undefined &&
      (n.messageId === null || liveMessageIds.has(n.messageId)) &&
      (n.seq === null || membership.lastReadSeq < n.seq);
    if (fresh) keep.push(n);
    else stale.push(n.id);
  }
  if (stale.length > 0) await store.markNotificationsRead({ userId, ids: stale });
  return keep;
}

async function describe(
  store: Pick<Store, 'getConversation' | 'getUsersByIds'>,
  notifications: Notification[],
): Promise<DigestEntry[]> {
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
