import type { FilterQuery } from 'mongoose';

import type { NotificationsPort } from '../ports/notifications';
import {
  cursorPage,
  decodeCursor,
  notificationSourceKey,
  pageSize,
  timeCursorSchema,
  uniqueIds,
} from '../rules';
import type { Notification } from '../types';
import type { Models, NotificationDoc } from './models';
import { duplicateKeyField } from './users';

export function toNotification(doc: NotificationDoc): Notification {
  return {
    id: doc._id,
    userId: doc.userId,
    kind: doc.kind,
    conversationId: doc.conversationId,
    messageId: doc.messageId ?? null,
    callId: doc.callId ?? null,
    seq: doc.seq ?? null,
    actorId: doc.actorId ?? null,
    preview: doc.preview ?? '',
    createdAt: doc.createdAt,
    readAt: doc.readAt ?? null,
    pushedAt: doc.pushedAt ?? null,
    emailedAt: doc.emailedAt ?? null,
  };
}

/** The unread notifications markNotificationsRead is asked to read. */
export function readFilter(
  input: Parameters<NotificationsPort['markNotificationsRead']>[0],
): FilterQuery<NotificationDoc> {
  const unread = { userId: input.userId, readAt: null };
  if ('ids' in input) return { ...unread, _id: { $in: input.ids } };
  if ('all' in input) return unread;
  return { ...unread, conversationId: input.conversationId, seq: { $lte: input.uptoSeq } };
}

export function notificationFunctions({ Notification }: Models): NotificationsPort {
  const ids = (docs: { _id: string }[]) => docs.map((doc) => doc._id);

  return {
    async createNotification(input) {
      const sourceKey = notificationSourceKey(input);
      const doc = new Notification({ ...input, sourceKey });
      try {
        await doc.save();
        return { notification: toNotification(doc.toObject()), created: true };
      } catch (error) {
        // One per person per source: a second create (a re-run job) gets the first.
        if (duplicateKeyField(error) === null) throw error;
        const existing = await Notification.findOne({
          userId: input.userId,
          sourceKey,
        }).lean<NotificationDoc>();
        if (!existing) throw error;
        return { notification: toNotification(existing), created: false };
      }
    },

    async listNotifications({ userId, limit, cursor }) {
      const size = pageSize(limit);
      const after = decodeCursor(cursor, timeCursorSchema);
      const filter: FilterQuery<NotificationDoc> = after
        ? {
            userId,
            $or: [
              { createdAt: { $lt: new Date(after.at) } },
              { createdAt: new Date(after.at), _id: { $lt: after.id } },
            ],
          }
        : { userId };
      const rows = await Notification.find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .limit(size + 1)
        .lean<NotificationDoc[]>();
      return cursorPage(rows, size, toNotification, (doc) => ({
        at: doc.createdAt.getTime(),
        id: doc._id,
      }));
    },

    countUnreadNotifications: ({ userId }) => Notification.countDocuments({ userId, readAt: null }),

    async markNotificationsRead(input) {
      if ('ids' in input && input.ids.length === 0) return [];
      const filter = readFilter(input);
      const candidates = ids(await Notification.find(filter, { _id: 1 }).lean<{ _id: string }[]>());
      if (candidates.length === 0) return [];
      const readAt = new Date();
      const { modifiedCount } = await Notification.updateMany(
        { ...filter, _id: { $in: candidates } },
        { $set: { readAt } },
      );
      if (modifiedCount === candidates.length) return candidates;
      // A concurrent mark read some of them first: report only the ones this call changed.
      return ids(
        await Notification.find({ _id: { $in: candidates }, readAt }, { _id: 1 }).lean<
          { _id: string }[]
        >(),
      );
    },

    async markNotificationsPushed({ ids: marked, at }) {
      // The first mark stays: a re-run job does not move it.
      if (marked.length > 0)
        await Notification.updateMany({ _id: { $in: marked }, pushedAt: null }, { pushedAt: at });
    },

    async markNotificationsEmailed({ ids: claimed, at }) {
      // One update per notification: its modifiedCount says exactly whether this call claimed it.
      // (updateMany's count cannot say which, and a concurrent claim may carry the same `at`.)
      const unique = uniqueIds(claimed);
      const results = await Promise.all(
        unique.map((_id) => Notification.updateOne({ _id, emailedAt: null }, { emailedAt: at })),
      );
      return unique.filter((_, i) => results[i]!.modifiedCount === 1);
    },

    async clearNotificationsEmailed({ ids: cleared }) {
      if (cleared.length > 0)
        await Notification.updateMany({ _id: { $in: cleared } }, { emailedAt: null });
    },

    async pruneReadNotifications({ readBefore }) {
      // readAt: null never matches $lt, so unread notifications stay.
      const { deletedCount } = await Notification.deleteMany({ readAt: { $lt: readBefore } });
      return deletedCount;
    },

    async listUnemailedNotifications({ userId, kinds, limit }) {
      if (kinds.length === 0 || limit < 1) return [];
      const docs = await Notification.find({
        userId,
        readAt: null,
        emailedAt: null,
        kind: { $in: kinds },
      })
        .sort({ createdAt: 1, _id: 1 })
        .limit(limit)
        .lean<NotificationDoc[]>();
      return docs.map(toNotification);
    },
  };
}
