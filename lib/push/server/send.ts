import 'server-only';

import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';

import webpush, { type Urgency } from 'web-push';

import type { PushSubscriptionsPort } from '@/lib/db/store';
import type { PushSubscriptionRecord } from '@/lib/db/types';
import { log } from '@/lib/log';
import { pushesSent } from '@/lib/metrics/metrics';
import { guarded } from '@/lib/resilience/breakers';

import { pushMessageSchema, type PushMessage } from './message';
import { getVapidDetails } from './vapid';

export type PushResult = { sent: number; pruned: number; failed: number };

/** Totals since the process started, like `publishStats` for realtime. */
export const pushStats: PushResult = { sent: 0, pruned: 0, failed: 0 };

/** A push service that has not answered in this long is given up on for this notification. */
export const PUSH_TIMEOUT_MS = 10_000;
/** A notification nobody could deliver within a day is stale: the push service drops it. */
export const PUSH_TTL_SECONDS = 24 * 3600;

/**
 * Sends `message` to every browser the person subscribed, in parallel. A subscription the push
 * service no longer knows (404, 410: the person unsubscribed or the browser dropped it) is
 * deleted; any other failure is logged and counted, never thrown, so one bad endpoint never
 * stops the others or the job that called this.
 *
 * `agent`: the HTTPS agent for push requests (a private CA; tests trust their fake service).
 */
export async function pushNotification(input: {
  store: PushSubscriptionsPort;
  userId: string;
  message: PushMessage;
  urgency?: Urgency;
  agent?: Agent;
}): Promise<PushResult> {
  const result: PushResult = { sent: 0, pruned: 0, failed: 0 };
  const subscriptions = await input.store.listPushSubscriptions({ userId: input.userId });
  if (subscriptions.length === 0) return result;

  const payload = JSON.stringify(pushMessageSchema.parse(input.message));
  const vapidDetails = await getVapidDetails();
  const options: webpush.RequestOptions = {
    vapidDetails,
    TTL: PUSH_TTL_SECONDS,
    urgency: input.urgency ?? 'normal',
    contentEncoding: 'aes128gcm',
    timeout: PUSH_TIMEOUT_MS,
    ...(input.message.tag ? { topic: topicFor(input.message.tag) } : {}),
    ...(input.agent ? { agent: input.agent } : {}),
  };

  await Promise.all(
    subscriptions.map(async (subscription) => {
      const outcome = await sendOne(input.store, subscription, payload, options);
      result[outcome]++;
      pushStats[outcome]++;
    }),
  );
  return result;
}

async function sendOne(
  store: PushSubscriptionsPort,
  subscription: PushSubscriptionRecord,
  payload: string,
  options: webpush.RequestOptions,
): Promise<keyof PushResult> {
  const { endpoint, p256dh, auth } = subscription;
  try {
    // Through the push breaker: a push service failing again and again is not hammered; while
    // open, sends fail at once (counted, logged) until a probe gets through.
    await guarded('push', () =>
      webpush.sendNotification({ endpoint, keys: { p256dh, auth } }, payload, options),
    );
    pushesSent.inc({ result: 'sent' });
    return 'sent';
  } catch (error) {
    const status = error instanceof webpush.WebPushError ? error.statusCode : null;
    // The endpoint is a bearer capability: log only where it points.
    const where = { userId: subscription.userId, pushService: originOf(endpoint), status };
    if (status === 404 || status === 410) {
      await store.deletePushSubscription({ endpoint });
      log.info(where, 'push subscription expired; deleted');
      pushesSent.inc({ result: 'expired' });
      return 'pruned';
    }
    pushesSent.inc({ result: 'failed' });
    log.warn({ ...where, err: error }, 'push failed');
    return 'failed';
  }
}

/**
 * RFC 8030 Topic: a later push with the same topic replaces one still waiting at the push
 * service (a phone that was offline gets the latest per conversation, not a backlog). At most
 * 32 base64url characters, so the tag is hashed.
 */
export function topicFor(tag: string): string {
  return createHash('sha256').update(tag).digest('base64url').slice(0, 32);
}

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return 'invalid';
  }
}
