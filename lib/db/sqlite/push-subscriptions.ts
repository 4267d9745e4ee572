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
  // An endpoint is one browser: seen again (a new sign-in, rotated keys), it moves to the
  // person saving it and keeps its id.
  const upsert = db.prepare<[string, string, string, string, string, number], PushRow>(
    `INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (endpoint) DO UPDATE SET
       user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth
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
      return toRecord(upsert.get(newId('push'), userId, endpoint, p256dh, auth, Date.now())!);
    },

    async listPushSubscriptions({ userId }) {
      return byUser.all(userId).map(toRecord);
    },

    async deletePushSubscription({ endpoint, userId }) {
      return remove.run(endpoint, userId ?? null).changes > 0;
    },
  };
}
