import type { NotificationSettingsPort } from '../ports/notifications';
import { uniqueIds } from '../rules';
import {
  defaultNotificationSettings,
  type NotificationLevel,
  type NotificationSettings,
} from '../types';
import type { Db } from './connection';

// The CHECK constraint of migration 5 guarantees level.
type SettingsRow = {
  user_id: string;
  level: NotificationLevel;
  email_digest: number;
  last_digest_at: number | null;
  do_not_disturb: number;
};

function toSettings(row: SettingsRow): NotificationSettings {
  return {
    userId: row.user_id,
    level: row.level,
    emailDigest: row.email_digest === 1,
    lastDigestAt: row.last_digest_at === null ? null : new Date(row.last_digest_at),
    doNotDisturb: row.do_not_disturb === 1,
  };
}

export function notificationSettingsFunctions(db: Db): NotificationSettingsPort {
  const byUser = db.prepare<[string], SettingsRow>(
    'SELECT * FROM notification_settings WHERE user_id = ?',
  );
  // json_each keeps it one prepared statement whatever the number of ids.
  const byUsers = db.prepare<[string], SettingsRow>(
    'SELECT * FROM notification_settings WHERE user_id IN (SELECT value FROM json_each(?))',
  );
  // A null parameter keeps the stored value (or the default, for a first write).
  const upsert = db.prepare<
    [
      {
        userId: string;
        level: NotificationLevel | null;
        digest: number | null;
        lastDigestAt: number | null;
        dnd: number | null;
      },
    ],
    SettingsRow
  >(
    `INSERT INTO notification_settings (user_id, level, email_digest, last_digest_at, do_not_disturb)
     VALUES (@userId, coalesce(@level, 'mentions'), coalesce(@digest, 1), @lastDigestAt,
             coalesce(@dnd, 0))
     ON CONFLICT (user_id) DO UPDATE SET
       level = coalesce(@level, level),
       email_digest = coalesce(@digest, email_digest),
       last_digest_at = coalesce(@lastDigestAt, last_digest_at),
       do_not_disturb = coalesce(@dnd, do_not_disturb)
     RETURNING *`,
  );

  const get = (userId: string) => {
    const row = byUser.get(userId);
    return row ? toSettings(row) : defaultNotificationSettings(userId);
  };

  return {
    async getNotificationSettings({ userId }) {
      return get(userId);
    },

    async getNotificationSettingsFor({ userIds }) {
      const unique = uniqueIds(userIds);
      if (unique.length === 0) return [];
      const stored = new Map(
        byUsers.all(JSON.stringify(unique)).map((row) => [row.user_id, toSettings(row)]),
      );
      return unique.map((id) => stored.get(id) ?? defaultNotificationSettings(id));
    },

    async updateNotificationSettings({ userId, level, emailDigest, lastDigestAt, doNotDisturb }) {
      const row = upsert.get({
        userId,
        level: level ?? null,
        digest: emailDigest === undefined ? null : emailDigest ? 1 : 0,
        lastDigestAt: lastDigestAt?.getTime() ?? null,
        dnd: doNotDisturb === undefined ? null : doNotDisturb ? 1 : 0,
      });
      return toSettings(row!);
    },
  };
}
