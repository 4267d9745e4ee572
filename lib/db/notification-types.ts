/** Records the store returns for notifications, their settings and web push subscriptions. */

export type NotificationKind =
  | 'mention'
  | 'dm'
  | 'reply'
  | 'message'
  | 'missed_call'
  /** Someone challenged you to a game (lib/games). */
  | 'game_challenge'
  /** It is your move in a game, and you are away. */
  | 'game_turn';
/** What a person wants to hear about: every message, only mentions/DMs/replies, or nothing. */
export type NotificationLevel = 'all' | 'mentions' | 'nothing';

export type Notification = {
  id: string;
  userId: string;
  kind: NotificationKind;
  conversationId: string;
  /** The message it is about (null for a missed call). */
  messageId: string | null;
  callId: string | null;
  /** That message's seq: reading the conversation up to it reads the notification. */
  seq: number | null;
  /** Who caused it (the author, the caller). */
  actorId: string | null;
  /** A short plain-text preview, fixed when created (a later edit does not change it). */
  preview: string;
  createdAt: Date;
  readAt: Date | null;
  /** Set once a web push went out for it, so a re-run job does not push twice. */
  pushedAt: Date | null;
  /** Set once an email digest included it. */
  emailedAt: Date | null;
};

export type NotificationSettings = {
  userId: string;
  level: NotificationLevel;
  /** Email digests of unread mentions and DMs; the signed unsubscribe link turns it off. */
  emailDigest: boolean;
  lastDigestAt: Date | null;
  /** Do not disturb: no web push (notifications are still stored and counted). */
  doNotDisturb: boolean;
};

/** What a person who never chose gets: mentions, DMs, replies and missed calls, and email digests. */
export const defaultNotificationSettings = (userId: string): NotificationSettings => ({
  userId,
  level: 'mentions',
  emailDigest: true,
  lastDigestAt: null,
  doNotDisturb: false,
});

/** A browser's Web Push subscription (RFC 8030 endpoint + RFC 8291 keys). */
export type PushSubscriptionRecord = {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: Date;
};
