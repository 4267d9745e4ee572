import type {
  Notification,
  NotificationKind,
  NotificationLevel,
  NotificationSettings,
  Page,
} from '../types';

/** The bell's notifications, and what push and the email digest have sent of them. */
export interface NotificationsPort {
  /**
   * One notification per person per source (`sourceKey`, else messageId, else callId): a second
   * create for the same source returns the stored one with created: false. Only a game's notices
   * name their own source (`game-challenge:<gameId>`, `game-turn:<gameId>:<version>`, starting
   * `game-`): they point at the game card's message, which several of them share.
   */
  createNotification(input: {
    userId: string;
    sourceKey?: string;
    kind: NotificationKind;
    conversationId: string;
    messageId: string | null;
    callId: string | null;
    seq: number | null;
    actorId: string | null;
    preview: string;
  }): Promise<{ notification: Notification; created: boolean }>;
  /** Newest first (createdAt, then id); `cursor` is the previous page's nextCursor. */
  listNotifications(input: {
    userId: string;
    limit: number;
    cursor?: string | null;
  }): Promise<Page<Notification>>;
  countUnreadNotifications(input: { userId: string }): Promise<number>;
  /**
   * Marks unread notifications read: these ids, or all of them, or those of one conversation up
   * to a seq (reading the conversation reads them). Only the person's own. Returns the ids that
   * changed.
   */
  markNotificationsRead(
    input:
      | { userId: string; ids: string[] }
      | { userId: string; all: true }
      | { userId: string; conversationId: string; uptoSeq: number },
  ): Promise<string[]>;
  markNotificationsPushed(input: { ids: string[]; at: Date }): Promise<void>;
  /**
   * Claims notifications for an email: sets emailedAt where it is still null, atomically per
   * notification, and returns the ids this call changed. Two digest runs claiming the same ids at
   * once split them with no overlap, so each notification goes out in one email at most.
   */
  markNotificationsEmailed(input: { ids: string[]; at: Date }): Promise<string[]>;
  /** Gives claimed notifications back (emailedAt to null): their email failed to go out. */
  clearNotificationsEmailed(input: { ids: string[] }): Promise<void>;
  /** Unread, not yet emailed notifications of these kinds, oldest first. */
  listUnemailedNotifications(input: {
    userId: string;
    kinds: NotificationKind[];
    limit: number;
  }): Promise<Notification[]>;
  /**
   * Deletes notifications read before `readBefore` (retention, lib/notifications/retention.ts);
   * unread ones are never deleted. Returns how many went.
   */
  pruneReadNotifications(input: { readBefore: Date }): Promise<number>;
}

/** Per-person notification preferences. */
export interface NotificationSettingsPort {
  /** Defaults (level 'mentions', emailDigest true, lastDigestAt null) when never set. */
  getNotificationSettings(input: { userId: string }): Promise<NotificationSettings>;
  /** Several people's settings at once (defaults for those never set), in no particular order. */
  getNotificationSettingsFor(input: { userIds: string[] }): Promise<NotificationSettings[]>;
  updateNotificationSettings(input: {
    userId: string;
    level?: NotificationLevel;
    emailDigest?: boolean;
    lastDigestAt?: Date;
    doNotDisturb?: boolean;
  }): Promise<NotificationSettings>;
}
