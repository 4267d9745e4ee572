import { createECDH, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { getStore } from '@/lib/db';
import { pushSubscriptionsResponseSchema } from '@/lib/push/schemas';
import {
  describeJsonBodyErrors,
  expectError,
  expectRetryAfter,
  getRequest,
  jsonRequest,
  rawRequest,
  readJson,
  signUpUser,
  withCookie,
  type TestAccount,
} from '@/test/api';

import { GET as getPublicKey } from '../public-key/route';
import { DELETE, GET, POST } from './route';

/** What `PushSubscription.toJSON()` gives in a browser, with real key sizes. */
function browserSubscription() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${randomBytes(12).toString('base64url')}`,
    expirationTime: null,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

const subscribe = (account: TestAccount, body: unknown) =>
  POST(jsonRequest('POST', '/push/subscriptions', body, withCookie(account.cookie)));
const unsubscribe = (account: TestAccount, endpoint: string) =>
  DELETE(
    rawRequest('DELETE', '/push/subscriptions', JSON.stringify({ endpoint }), {
      'content-type': 'application/json',
      ...withCookie(account.cookie),
    }),
  );
const endpointsOf = async (account: TestAccount) =>
  (await (await getStore()).listPushSubscriptions({ userId: account.user.id })).map(
    (s) => s.endpoint,
  );

describe('GET /api/v1/push/public-key', () => {
  it('answers the VAPID public key (65 bytes, base64url)', async () => {
    const account = await signUpUser();
    const res = await getPublicKey(getRequest('/push/public-key', withCookie(account.cookie)));
    expect(res.status).toBe(200);
    const { publicKey } = await readJson<{ publicKey: string }>(res);
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(publicKey, 'base64url').length).toBe(65);
  });

  it('answers 401 when signed out', async () => {
    await expectError(await getPublicKey(getRequest('/push/public-key')), 401, 'unauthorized');
  });
});

describe('POST /api/v1/push/subscriptions', () => {
  it('saves the browser subscription (201) and lists it', async () => {
    const account = await signUpUser();
    const body = browserSubscription();
    const res = await subscribe(account, body);
    expect(res.status).toBe(201);
    expect(await readJson(res)).toEqual({
      subscription: {
        id: expect.any(String),
        endpoint: body.endpoint,
        createdAt: expect.stringMatching(/^\d{4}-/),
      },
    });
    const saved = await (await getStore()).listPushSubscriptions({ userId: account.user.id });
    expect(saved).toMatchObject([{ endpoint: body.endpoint, ...body.keys }]);

    const list = await GET(getRequest('/push/subscriptions', withCookie(account.cookie)));
    expect(pushSubscriptionsResponseSchema.parse(await list.json()).subscriptions).toEqual([
      expect.objectContaining({ endpoint: body.endpoint }),
    ]);
  });

  it('refuses to take over another person’s endpoint (409), which keeps its owner and keys', async () => {
    const [owner, attacker] = [await signUpUser(), await signUpUser()];
    const body = browserSubscription();
    expect((await subscribe(owner, body)).status).toBe(201);
    const stolen = { ...body, keys: browserSubscription().keys };
    await expectError(await subscribe(attacker, stolen), 409, 'conflict');
    expect(await endpointsOf(attacker)).toEqual([]);
    const [kept] = await (await getStore()).listPushSubscriptions({ userId: owner.user.id });
    expect(kept).toMatchObject({ endpoint: body.endpoint, ...body.keys });
  });

  it('lets the owner save the endpoint again with new keys (201, same id)', async () => {
    const account = await signUpUser();
    const body = browserSubscription();
    const first = await readJson<{ subscription: { id: string } }>(await subscribe(account, body));
    const rotated = { ...body, keys: browserSubscription().keys };
    const again = await subscribe(account, rotated);
    expect(again.status).toBe(201);
    expect((await readJson<{ subscription: { id: string } }>(again)).subscription.id).toBe(
      first.subscription.id,
    );
    const [saved] = await (await getStore()).listPushSubscriptions({ userId: account.user.id });
    expect(saved).toMatchObject(rotated.keys);
  });

  it('lets a second person register the endpoint once its owner removed it', async () => {
    const [first, second] = [await signUpUser(), await signUpUser()];
    const body = browserSubscription();
    expect((await subscribe(first, body)).status).toBe(201);
    expect((await unsubscribe(first, body.endpoint)).status).toBe(200);
    expect((await subscribe(second, body)).status).toBe(201);
    expect(await endpointsOf(second)).toEqual([body.endpoint]);
  });

  type Sub = ReturnType<typeof browserSubscription>;
  const withKeys = (s: Sub, keys: Partial<Sub['keys']>) => ({ ...s, keys: { ...s.keys, ...keys } });
  it.each<[string, (s: Sub) => unknown, string]>([
    [
      'an http endpoint',
      (s) => ({ ...s, endpoint: 'http://fcm.googleapis.com/fcm/send/x' }),
      'endpoint',
    ],
    [
      'an endpoint on an IP address',
      (s) => ({ ...s, endpoint: 'https://10.0.0.5/push/x' }),
      'endpoint',
    ],
    ['an endpoint that is not a URL', (s) => ({ ...s, endpoint: 'not a url' }), 'endpoint'],
    ['an endpoint of only a scheme', (s) => ({ ...s, endpoint: 'https://' }), 'endpoint'],
    ['an endpoint that is a number', (s) => ({ ...s, endpoint: 42 }), 'endpoint'],
    [
      'an endpoint on localhost',
      (s) => ({ ...s, endpoint: 'https://localhost/push/x' }),
      'endpoint',
    ],
    [
      'an endpoint over 2048 characters',
      (s) => ({ ...s, endpoint: `https://fcm.googleapis.com/${'x'.repeat(2048)}` }),
      'endpoint',
    ],
    [
      'a p256dh that is not base64url',
      (s) => withKeys(s, { p256dh: '+'.repeat(87) }),
      'keys.p256dh',
    ],
    [
      'a p256dh of the wrong length',
      (s) => withKeys(s, { p256dh: `B${'A'.repeat(40)}` }),
      'keys.p256dh',
    ],
    [
      'a compressed p256dh',
      (s) => withKeys(s, { p256dh: Buffer.alloc(65, 3).toString('base64url') }),
      'keys.p256dh',
    ],
    [
      'an auth secret of 12 bytes',
      (s) => withKeys(s, { auth: randomBytes(12).toString('base64url') }),
      'keys.auth',
    ],
    ['missing keys', (s) => ({ endpoint: s.endpoint }), 'keys'],
  ])('answers 422 for %s', async (_, change, field) => {
    const account = await signUpUser();
    const error = await expectError(
      await subscribe(account, change(browserSubscription())),
      422,
      'validation_failed',
    );
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(await endpointsOf(account)).toEqual([]);
  });

  it('accepts padded base64 keys and stores them unpadded', async () => {
    const account = await signUpUser();
    const body = browserSubscription();
    const padded = {
      ...body,
      keys: { p256dh: `${body.keys.p256dh}=`, auth: `${body.keys.auth}==` },
    };
    expect((await subscribe(account, padded)).status).toBe(201);
    const [saved] = await (await getStore()).listPushSubscriptions({ userId: account.user.id });
    expect(saved).toMatchObject(body.keys);
  });

  it('answers 401 when signed out', async () => {
    const res = await POST(jsonRequest('POST', '/push/subscriptions', browserSubscription()));
    await expectError(res, 401, 'unauthorized');
  });

  it('limits how often a person subscribes (429 with Retry-After)', async () => {
    const account = await signUpUser();
    for (let i = 0; i < 10; i++)
      expect((await subscribe(account, browserSubscription())).status).toBe(201);
    const res = await subscribe(account, browserSubscription());
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });

  describeJsonBodyErrors({
    method: 'POST',
    path: '/push/subscriptions',
    handler: POST,
    headers: async () => withCookie((await signUpUser()).cookie),
  });
});

describe('DELETE /api/v1/push/subscriptions', () => {
  it('deletes the caller’s own subscription (200), then 404', async () => {
    const account = await signUpUser();
    const body = browserSubscription();
    await subscribe(account, body);
    const res = await unsubscribe(account, body.endpoint);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ok: true });
    expect(await endpointsOf(account)).toEqual([]);
    await expectError(await unsubscribe(account, body.endpoint), 404, 'not_found');
  });

  it('answers 404 for someone else’s subscription and keeps it', async () => {
    const [owner, other] = [await signUpUser(), await signUpUser()];
    const body = browserSubscription();
    await subscribe(owner, body);
    await expectError(await unsubscribe(other, body.endpoint), 404, 'not_found');
    expect(await endpointsOf(owner)).toEqual([body.endpoint]);
  });

  it('answers 422 without an endpoint', async () => {
    const account = await signUpUser();
    await expectError(await unsubscribe(account, ''), 422, 'validation_failed');
  });
});
