import { newId } from '../ids';
import type { NotificationsPort } from '../ports/notifications';
import {
  cursorPage,
  decodeCursor,
  notificationSourceKey,
  pageSize,
  timeCursorSchema,
} from '../rules';
import type { Notification, NotificationKind } from '../types';
import type { Db } from './connection';

// The CHECK constraint of migration 5 guarantees kind.
type NotificationRow = {
  id: string;
  user_id: string;
  kind: NotificationKind;
  conversation_id: string;
  message_id: string | null;
  call_id: string | null;
  seq: number | null;
  actor_id: string | null;
  preview: string;
  created_at: number;
  read_at: number | null;
  pushed_at: number | null;
  emailed_at: number | null;
};

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    callId: row.call_id,
    seq: row.seq,
    actorId: row.actor_id,
    preview: row.preview,
    createdAt: new Date(row.created_at),
    readAt: date(row.read_at),
    pushedAt: date(row.pushed_at),
    emailedAt: date(row.emailed_at),
  };
}

export function notificationFunctions(db: Db): NotificationsPort {
  // A daily scan of the table: an index on read_at alone would cost more storage than it saves.
  const pruneRead = db.prepare<[number]>(
    'DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < ?',
  );
  const bySource = db.prepare<[string, string], NotificationRow>(
    'SELECT * FROM notifications WHERE user_id = ? AND source_key = ?',
  );
  const insert = db.prepare(
    `INSERT INTO notifications (id, user_id, kind, conversation_id, message_id, call_id, source_key,
       seq, actor_id, preview, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, source_key) DO NOTHING`,
  );
  // Both pages walk notifications_recent; the row-value comparison resumes after the cursor.
  const firstPage = db.prepare<[string, number], NotificationRow>(
    `SELECT * FROM notifications WHERE user_id = ?
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const nextPage = db.prepare<[string, number, string, number], NotificationRow>(
    `SELECT * FROM notifications WHERE user_id = ? AND (created_at, id) < (?, ?)
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const unread = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
  );
  // json_each keeps these one prepared statement whatever the number of ids or kinds.
  const readIds = db.prepare<[number, string, string], { id: string }>(
    `UPDATE notifications SET read_at = ?
     WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))
     RETURNING id`,
  );
  const readAll = db.prepare<[number, string], { id: string }>(
    'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL RETURNING id',
  );
  const readConversation = db.prepare<[number, string, string, number], { id: string }>(
    `UPDATE notifications SET read_at = ?
     WHERE user_id = ? AND read_at IS NULL AND conversation_id = ? AND seq <= ?
     RETURNING id`,
  );
  // The first mark stays: a re-run job does not move it.
  const markPushed = db.prepare<[number, string]>(
    `UPDATE notifications SET pushed_at = ?
     WHERE pushed_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
  );
  // One statement claims: a concurrent digest run gets back only what is left.
  const claimEmailed = db.prepare<[number, string], { id: string }>(
    `UPDATE notifications SET emailed_at = ?
     WHERE emailed_at IS NULL AND id IN (SELECT value FROM json_each(?))
     RETURNING id`,
  );
  const clearEmailed = db.prepare<[string]>(
    'UPDATE notifications SET emailed_at = NULL WHERE id IN (SELECT value FROM json_each(?))',
  );
  const unemailed = db.prepare<[string, string, number], NotificationRow>(
    `SELECT * FROM notifications
     WHERE user_id = ? AND read_at IS NULL AND emailed_at IS NULL
       AND kind IN (SELECT value FROM json_each(?))
     ORDER BY created_at, id LIMIT ?`,
  );

  return {
    async createNotification(input) {
      const sourceKey = notificationSourceKey(input);
      const { changes } = insert.run(
        newId('ntf'),
        input.userId,
        input.kind,
        input.conversationId,
        input.messageId,
        input.callId,
        sourceKey,
        input.seq,
        input.actorId,
        input.preview,
        Date.now(),
      );
      const row = bySource.get(input.userId, sourceKey)!;
      return { notification: toNotification(row), created: changes === 1 };
    },

    async listNotifications({ userId, limit, cursor }) {
      const size = pageSize(limit);
      const after = decodeCursor(cursor, timeCursorSchema);
      const rows = after
        ? nextPage.all(userId, after.at, after.id, size + 1)
        : firstPage.all(userId, size + 1);
      return cursorPage(rows, size, toNotification, (row) => ({ at: row.created_at, id: row.id }));
    },

    async countUnreadNotifications({ userId }) {
      return unread.get(userId)?.n ?? 0;
    },

    async markNotificationsRead(input) {
      const now = Date.now();
      const rows =
        'ids' in input
          ? input.ids.length === 0
            ? []
            : readIds.all(now, input.userId, JSON.stringify(input.ids))
          : 'all' in input
            ? readAll.all(now, input.userId)
            : readConversation.all(now, input.userId, input.conversationId, input.uptoSeq);
      return rows.map((row) => row.id);
    },

    async markNotificationsPushed({ ids, at }) {
      if (ids.length > 0) markPushed.run(at.getTime(), JSON.stringify(ids));
    },

    async markNotificationsEmailed({ ids, at }) {
      if (ids.length === 0) return [];
      return claimEmailed.all(at.getTime(), JSON.stringify(ids)).map((row) => row.id);
    },

    async clearNotificationsEmailed({ ids }) {
      if (ids.length > 0) clearEmailed.run(JSON.stringify(ids));
    },

    async listUnemailedNotifications({ userId, kinds, limit }) {
      if (kinds.length === 0 || limit < 1) return [];
      return unemailed.all(userId, JSON.stringify(kinds), limit).map(toNotification);
    },

    async pruneReadNotifications({ readBefore }) {
      return pruneRead.run(readBefore.getTime()).changes;
    },
  };
}
