import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import webpush from 'web-push';

import { createSqliteStore } from '@/lib/db/sqlite';
import { env } from '@/lib/env';
import {
  startFakePushService,
  type FakePushService,
  type FakeSubscription,
} from '@/test/fake-push-service';

import { pushNotification, pushStats, PUSH_TTL_SECONDS, topicFor } from './send';
import { getVapidDetails } from './vapid';

const store = createSqliteStore(':memory:');
let service: FakePushService;
let userId: string;

const message = {
  title: 'Ana in Design',
  body: 'Can you look at the mock-ups? 🎨',
  url: '/chats/c_123?message=m_456',
  tag: 'conversation-c_123',
};

async function subscribe(forUser = userId): Promise<FakeSubscription> {
  const sub = service.subscribe();
  await store.savePushSubscription({ userId: forUser, endpoint: sub.endpoint, ...sub.keys });
  return sub;
}

const push = (input: Partial<Parameters<typeof pushNotification>[0]> = {}) =>
  pushNotification({ store, userId, message, agent: service.agent, ...input });

const endpointsOf = async (id = userId) =>
  (await store.listPushSubscriptions({ userId: id })).map((s) => s.endpoint);

beforeAll(async () => {
  const vapid = await getVapidDetails();
  service = await startFakePushService({
    vapidSubject: env.VAPID_SUBJECT,
    vapidPublicKey: vapid.publicKey,
  });
});
afterAll(async () => {
  await service.close();
  await store.close();
});
beforeEach(async () => {
  const user = await store.createUser({
    email: `push-${crypto.randomUUID()}@example.com`,
    name: 'Ben',
    passwordHash: null,
  });
  userId = user.id;
});

describe('pushNotification', () => {
  it('delivers the message encrypted (RFC 8291) with valid VAPID (RFC 8292) headers', async () => {
    const sub = await subscribe();
    const before = service.deliveries.length;
    expect(await push()).toEqual({ sent: 1, pruned: 0, failed: 0 });

    expect(service.rejections).toEqual([]);
    const delivery = service.deliveries.slice(before).find((d) => d.subscriptionId === sub.id);
    expect(delivery).toBeDefined();
    expect(JSON.parse(delivery!.payload)).toEqual(message);
    expect(delivery!.ttl).toBe(PUSH_TTL_SECONDS);
    expect(delivery!.urgency).toBe('normal');
    expect(delivery!.topic).toBe(topicFor(message.tag));
    expect(delivery!.claims.sub).toBe(env.VAPID_SUBJECT);
    expect(delivery!.claims.aud).toBe(service.origin);
    expect(delivery!.claims.exp * 1000).toBeGreaterThan(Date.now());
  });

  it('sends to every subscription of the person and to nobody else', async () => {
    const [a, b] = [await subscribe(), await subscribe()];
    const other = await store.createUser({
      email: `other-${crypto.randomUUID()}@example.com`,
      name: 'Cy',
      passwordHash: null,
    });
    const theirs = await subscribe(other.id);
    const before = service.requests.length;
    expect(await push({ urgency: 'high' })).toEqual({ sent: 2, pruned: 0, failed: 0 });
    expect(service.requests.slice(before).sort()).toEqual([a.id, b.id].sort());
    expect(service.requests).not.toContain(theirs.id);
  });

  it('clips a long preview so the payload fits a push service limit', async () => {
    const sub = await subscribe();
    const before = service.deliveries.length;
    await push({ message: { ...message, body: 'x'.repeat(5000) } });
    const delivery = service.deliveries.slice(before).find((d) => d.subscriptionId === sub.id);
    // Parsed with a plain shape, not pushMessageSchema: that one clips, which is what is tested.
    const { body } = z.object({ body: z.string() }).parse(JSON.parse(delivery!.payload));
    expect(body.length).toBe(300);
    expect(body.endsWith('…')).toBe(true);
  });

  it('deletes a subscription answered 410 Gone, and the next push skips it', async () => {
    const [gone, kept] = [await subscribe(), await subscribe()];
    service.answerNext(gone.id, 410);
    const totals = { ...pushStats };
    expect(await push()).toEqual({ sent: 1, pruned: 1, failed: 0 });
    expect(pushStats.pruned).toBe(totals.pruned + 1);
    expect(await endpointsOf()).toEqual([kept.endpoint]);

    const before = service.requests.length;
    expect(await push()).toEqual({ sent: 1, pruned: 0, failed: 0 });
    expect(service.requests.slice(before)).toEqual([kept.id]);
  });

  it('deletes a subscription answered 404 Not Found', async () => {
    const sub = await subscribe();
    service.answerNext(sub.id, 404);
    expect(await push()).toEqual({ sent: 0, pruned: 1, failed: 0 });
    expect(await endpointsOf()).toEqual([]);
  });

  it('keeps a subscription after a 500 and counts the failure without throwing', async () => {
    const [flaky, fine] = [await subscribe(), await subscribe()];
    service.answerNext(flaky.id, 500);
    const failed = pushStats.failed;
    expect(await push()).toEqual({ sent: 1, pruned: 0, failed: 1 });
    expect(pushStats.failed).toBe(failed + 1);
    expect((await endpointsOf()).sort()).toEqual([flaky.endpoint, fine.endpoint].sort());
    expect(await push()).toEqual({ sent: 2, pruned: 0, failed: 0 });
  });

  it('counts an unreachable push service as failed and keeps the subscription', async () => {
    const endpoint = 'https://127.0.0.1:9/push/nobody-listens';
    const keys = service.subscribe().keys;
    await store.savePushSubscription({ userId, endpoint, ...keys });
    expect(await push()).toEqual({ sent: 0, pruned: 0, failed: 1 });
    expect(await endpointsOf()).toEqual([endpoint]);
  });

  it('does nothing for a person without subscriptions', async () => {
    const before = service.requests.length;
    expect(await push()).toEqual({ sent: 0, pruned: 0, failed: 0 });
    expect(service.requests.length).toBe(before);
  });
});

// The checks above are only as good as the fake service's: it must refuse what a real push
// service would refuse.
describe('the fake push service', () => {
  const sendRaw = async (
    sub: FakeSubscription,
    overrides: {
      keys?: FakeSubscription['keys'];
      subject?: string;
      vapid?: { publicKey: string; privateKey: string };
    } = {},
  ) => {
    const vapid = overrides.vapid ?? (await getVapidDetails());
    const before = service.rejections.length;
    const status = await webpush
      .sendNotification({ endpoint: sub.endpoint, keys: overrides.keys ?? sub.keys }, '{"x":1}', {
        vapidDetails: { ...vapid, subject: overrides.subject ?? env.VAPID_SUBJECT },
        contentEncoding: 'aes128gcm',
        agent: service.agent,
      })
      .then(
        (r) => r.statusCode,
        (e: webpush.WebPushError) => e.statusCode,
      );
    return { status, reasons: service.rejections.slice(before) };
  };

  it('accepts a well-formed push', async () => {
    expect(await sendRaw(service.subscribe())).toEqual({ status: 201, reasons: [] });
  });

  it('refuses a payload encrypted for other keys', async () => {
    const { status, reasons } = await sendRaw(service.subscribe(), {
      keys: service.subscribe().keys,
    });
    expect(status).toBe(400);
    expect(reasons[0]).toMatch(/auth|decrypt/i);
  });

  it('refuses a JWT signed by another key than the expected sender', async () => {
    const { status, reasons } = await sendRaw(service.subscribe(), {
      vapid: webpush.generateVAPIDKeys(),
    });
    expect(status).toBe(400);
    expect(reasons[0]).toMatch(/not the sender key/);
  });

  it('refuses another subject', async () => {
    const { status, reasons } = await sendRaw(service.subscribe(), {
      subject: 'mailto:someone@else.test',
    });
    expect(status).toBe(400);
    expect(reasons[0]).toMatch(/sub/);
  });
});
