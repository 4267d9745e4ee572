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
      // An endpoint belongs to whoever registered it: saved again by them (rotated keys) it keeps
      // its id. Matching on the owner too means someone else's save tries to insert a second
      // document and hits the unique endpoint index: that is "held by another person" (null),
      // never a move, which would hand them the owner's notifications.
      const upsert = () =>
        PushSubscription.findOneAndUpdate(
          { endpoint, userId },
          { $set: { p256dh, auth } },
          { upsert: true, returnDocument: 'after', runValidators: true },
        ).lean<PushSubscriptionDoc>();
      let doc: PushSubscriptionDoc | null;
      try {
        doc = await upsert();
      } catch (error) {
        if (duplicateKeyField(error) === null) throw error;
        // Either another person holds it, or the same person's two saves raced to insert.
        try {
          doc = await upsert();
        } catch (again) {
          if (duplicateKeyField(again) === null) throw again;
          return null;
        }
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
