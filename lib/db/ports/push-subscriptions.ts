import type { PushSubscriptionRecord } from '../types';

/** Web push subscriptions, one per browser endpoint. */
export interface PushSubscriptionsPort {
  /** Saves a subscription; an endpoint seen before moves to this person with the new keys. */
  savePushSubscription(input: {
    userId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
  }): Promise<PushSubscriptionRecord>;
  listPushSubscriptions(input: { userId: string }): Promise<PushSubscriptionRecord[]>;
  /** Deletes by endpoint (only that person's when userId is given); false when there was none. */
  deletePushSubscription(input: { endpoint: string; userId?: string }): Promise<boolean>;
}
