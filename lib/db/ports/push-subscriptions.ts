import type { PushSubscriptionRecord } from '../types';

/** Web push subscriptions, one per browser endpoint. */
export interface PushSubscriptionsPort {
  /**
   * Saves a subscription; the same person saving an endpoint again updates its keys. An endpoint
   * another person holds is left alone and the answer is null (it is theirs until they remove it
   * or the push service says it is gone).
   */
  savePushSubscription(input: {
    userId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
  }): Promise<PushSubscriptionRecord | null>;
  listPushSubscriptions(input: { userId: string }): Promise<PushSubscriptionRecord[]>;
  /** Deletes by endpoint (only that person's when userId is given); false when there was none. */
  deletePushSubscription(input: { endpoint: string; userId?: string }): Promise<boolean>;
}
