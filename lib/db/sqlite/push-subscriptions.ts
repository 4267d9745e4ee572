import { newId } from '../ids';
import type { PushSubscriptionsPort } from '../ports/push-subscriptions';
import type { PushSubscriptionRecord } from '../types';
import type { Db } from './connection';

type PushRow = {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: number;
};

function toRecord(row: PushRow): PushSubscriptionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    endpoint: row.endpoint,
    p256dh: row.p256dh,
    auth: row.auth,
    createdAt: new Date(row.created_at),
  };
}

export function pushSubscriptionFunctions(db: Db): PushSubscriptionsPort {
  // An endpoint belongs to whoever registered it: saved again by them (rotated keys) it keeps its
  // id; saved by anyone else the WHERE leaves it alone and nothing is returned. Moving it would
  // let anyone who learns an endpoint take over another person's notifications.
  const upsert = db.prepare<[string, string, string, string, string, number], PushRow>(
    `INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth
       WHERE push_subscriptions.user_id = excluded.user_id
     RETURNING *`,
  );
  const byUser = db.prepare<[string], PushRow>(
    'SELECT * FROM push_subscriptions WHERE user_id = ? ORDER BY created_at, id',
  );
  // userId null: whoever owns the endpoint.
  const remove = db.prepare<[string, string | null]>(
    'DELETE FROM push_subscriptions WHERE endpoint = ? AND user_id = coalesce(?, user_id)',
  );

  return {
    async savePushSubscription({ userId, endpoint, p256dh, auth }) {
      const row = upsert.get(newId('push'), userId, endpoint, p256dh, auth, Date.now());
      return row ? toRecord(row) : null;
    },

    async listPushSubscriptions({ userId }) {
      return byUser.all(userId).map(toRecord);
    },

    async deletePushSubscription({ endpoint, userId }) {
      return remove.run(endpoint, userId ?? null).changes > 0;
    },
  };
}
