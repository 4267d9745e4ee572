import type { PushSubscriptionsPort } from '../ports/push-subscriptions';
import type { PushSubscriptionRecord } from '../types';
import type { Models, PushSubscriptionDoc } from './models';
import { duplicateKeyField } from './users';

export function toPushSubscription(doc: PushSubscriptionDoc): PushSubscriptionRecord {
  return {
    id: doc._id,
    userId: doc.userId,
    endpoint: doc.endpoint,
    p256dh: doc.p256dh,
    auth: doc.auth,
    createdAt: doc.createdAt,
  };
}

export function pushSubscriptionFunctions({ PushSubscription }: Models): PushSubscriptionsPort {
  return {
    async savePushSubscription({ userId, endpoint, p256dh, auth }) {
      // An endpoint is one browser: seen again (a new sign-in, rotated keys), it moves to the
      // person saving it and keeps its id. The upsert gives a new one its id and createdAt.
      const upsert = () =>
        PushSubscription.findOneAndUpdate(
          { endpoint },
          { $set: { userId, p256dh, auth } },
          { upsert: true, returnDocument: 'after', runValidators: true },
        ).lean<PushSubscriptionDoc>();
      let doc: PushSubscriptionDoc | null;
      try {
        doc = await upsert();
      } catch (error) {
        // Two saves of a new endpoint raced to insert: the loser updates the winner's.
        if (duplicateKeyField(error) === null) throw error;
        doc = await upsert();
      }
      if (!doc) throw new Error('Push subscription upsert returned nothing');
      return toPushSubscription(doc);
    },

    async listPushSubscriptions({ userId }) {
      const docs = await PushSubscription.find({ userId })
        .sort({ createdAt: 1, _id: 1 })
        .lean<PushSubscriptionDoc[]>();
      return docs.map(toPushSubscription);
    },

    async deletePushSubscription({ endpoint, userId }) {
      const { deletedCount } = await PushSubscription.deleteOne(
        userId === undefined ? { endpoint } : { endpoint, userId },
      );
      return deletedCount > 0;
    },
  };
}
