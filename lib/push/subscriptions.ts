import 'server-only';

import type { PushSubscriptionsPort } from '@/lib/db/store';
import type { PushSubscriptionRecord } from '@/lib/db/types';

/**
 * Browsers one person keeps subscribed. Every notification fans out to each of them, so the
 * count is bounded: a new one pushes out the oldest (a browser nobody uses any more, most likely).
 */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

export async function savePushSubscription(
  store: PushSubscriptionsPort,
  input: { userId: string; endpoint: string; p256dh: string; auth: string },
): Promise<PushSubscriptionRecord> {
  const record = await store.savePushSubscription(input);
  const all = await store.listPushSubscriptions({ userId: input.userId });
  const oldestFirst = [...all].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  const excess = oldestFirst
    .filter((s) => s.endpoint !== record.endpoint)
    .slice(0, Math.max(0, all.length - MAX_PUSH_SUBSCRIPTIONS));
  await Promise.all(
    excess.map((s) => store.deletePushSubscription({ endpoint: s.endpoint, userId: input.userId })),
  );
  return record;
}
