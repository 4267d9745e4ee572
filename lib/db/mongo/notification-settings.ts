import type { NotificationSettingsPort } from '../ports/notifications';
import { uniqueIds } from '../rules';
import { defaultNotificationSettings, type NotificationSettings } from '../types';
import type { Models, NotificationSettingsDoc } from './models';
import { duplicateKeyField } from './users';

export function toNotificationSettings(doc: NotificationSettingsDoc): NotificationSettings {
  return {
    userId: doc._id,
    level: doc.level ?? 'mentions',
    emailDigest: doc.emailDigest ?? true,
    lastDigestAt: doc.lastDigestAt ?? null,
    doNotDisturb: doc.doNotDisturb ?? false,
  };
}

export function notificationSettingsFunctions({
  NotificationSettings,
}: Models): NotificationSettingsPort {
  return {
    async getNotificationSettings({ userId }) {
      const doc = await NotificationSettings.findById(userId).lean<NotificationSettingsDoc>();
      return doc ? toNotificationSettings(doc) : defaultNotificationSettings(userId);
    },

    async getNotificationSettingsFor({ userIds }) {
      const unique = uniqueIds(userIds);
      if (unique.length === 0) return [];
      const docs = await NotificationSettings.find({ _id: { $in: unique } }).lean<
        NotificationSettingsDoc[]
      >();
      const stored = new Map(docs.map((doc) => [doc._id, toNotificationSettings(doc)]));
      return unique.map((id) => stored.get(id) ?? defaultNotificationSettings(id));
    },

    async updateNotificationSettings({ userId, level, emailDigest, lastDigestAt, doNotDisturb }) {
      const set: Partial<NotificationSettingsDoc> = {};
      if (level !== undefined) set.level = level;
      if (emailDigest !== undefined) set.emailDigest = emailDigest;
      if (lastDigestAt !== undefined) set.lastDigestAt = lastDigestAt;
      if (doNotDisturb !== undefined) set.doNotDisturb = doNotDisturb;
      // The upsert fills the fields not given with the schema's defaults.
      const upsert = () =>
        NotificationSettings.findOneAndUpdate(
          { _id: userId },
          { $set: set },
          { upsert: true, returnDocument: 'after', runValidators: true },
        ).lean<NotificationSettingsDoc>();
      let doc: NotificationSettingsDoc | null;
      try {
        doc = await upsert();
      } catch (error) {
        // Two first writes raced to insert: the loser updates the winner's document.
        if (duplicateKeyField(error) === null) throw error;
        doc = await upsert();
      }
      return doc ? toNotificationSettings(doc) : defaultNotificationSettings(userId);
    },
  };
}
