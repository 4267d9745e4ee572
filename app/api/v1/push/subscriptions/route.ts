import { handle } from '@/lib/api/handle';
import { notFound } from '@/lib/api/errors';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import {
  createPushSubscriptionEndpoint,
  deletePushSubscriptionEndpoint,
  listPushSubscriptionsEndpoint,
} from '@/lib/push/endpoints';
import { presentPushSubscription } from '@/lib/push/schemas';
import { savePushSubscription } from '@/lib/push/server/subscriptions';

export const runtime = 'nodejs';

/** The caller's browsers that receive pushes (the settings switch looks for its own endpoint). */
export const GET = handle(listPushSubscriptionsEndpoint, async ({ user }) => {
  const subscriptions = await (await getStore()).listPushSubscriptions({ userId: user.id });
  return json({ subscriptions: subscriptions.map(presentPushSubscription) });
});

/**
 * Saves this browser's subscription; the same person saving it again updates its keys, anyone
 * else gets 409 (the endpoint stays with whoever registered it). The person's oldest
 * subscriptions beyond MAX_PUSH_SUBSCRIPTIONS are dropped.
 */
export const POST = handle(createPushSubscriptionEndpoint, async ({ user, body }) => {
  const record = await savePushSubscription(await getStore(), {
    userId: user.id,
    endpoint: body.endpoint,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
  });
  return json({ subscription: presentPushSubscription(record) }, 201);
});

/** Stops pushes to a browser. Only the caller's own: anyone else's endpoint is 404. */
export const DELETE = handle(deletePushSubscriptionEndpoint, async ({ user, body }) => {
  const deleted = await (
    await getStore()
  ).deletePushSubscription({
    endpoint: body.endpoint,
    userId: user.id,
  });
  if (!deleted) throw notFound('That push subscription');
  return json({ ok: true });
});

export * from '@/lib/openapi/methods-not-taken';
