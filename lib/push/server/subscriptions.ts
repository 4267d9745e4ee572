import 'server-only';

import { ApiError } from '@/lib/api/errors';
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
  // A held endpoint is a conflict, never a move: posting someone's endpoint must not take over
  // their notifications.
  const record = await store.savePushSubscription(input);
  if (!record)
    throw new ApiError(
      'conflict',
      'This browser’s push endpoint is registered to another account. Turn notifications off and on again to get a new one.',
    );
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
