import { describe, expect, it } from 'vitest';

import { getStore } from '@/lib/db';
import { mintUnsubscribeToken } from '@/lib/email/server/unsubscribe-token';
import {
  BASE_URL,
  expectError,
  expectRetryAfter,
  fromIp,
  readJson,
  signUpUser,
  uniqueIp,
} from '@/test/api';

import { GET, POST } from './route';

const url = (query = '') => `${BASE_URL}/api/email/unsubscribe${query}`;

function post(body: BodyInit, contentType: string | null, query = '', ip = uniqueIp()) {
  return POST(
    new Request(url(query), {
      method: 'POST',
      body,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...fromIp(ip) },
    }),
  );
}
const postJson = (body: unknown, ip?: string) =>
  post(JSON.stringify(body), 'application/json', '', ip);

async function subscribedPerson() {
  const account = await signUpUser();
  const store = await getStore();
  await store.updateNotificationSettings({ userId: account.user.id, emailDigest: true });
  const digestOn = async () =>
    (await store.getNotificationSettings({ userId: account.user.id })).emailDigest;
  return { account, token: await mintUnsubscribeToken({ userId: account.user.id }), digestOn };
}

describe('POST /api/email/unsubscribe', () => {
  it('turns email digests off with the token from the page (JSON), without signing in', async () => {
    const { token, digestOn } = await subscribedPerson();
    const res = await postJson({ token });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      ok: true,
      message: "You won't get email digests any more. Turn them back on in Settings.",
    });
    expect(await digestOn()).toBe(false);
    // Clicking again changes nothing and still answers 200.
    expect((await postJson({ token })).status).toBe(200);
  });

  it('accepts the RFC 8058 one-click POST (urlencoded) at the List-Unsubscribe URL', async () => {
    const { token, digestOn } = await subscribedPerson();
    const res = await post(
      'List-Unsubscribe=One-Click',
      'application/x-www-form-urlencoded',
      `?token=${encodeURIComponent(token)}`,
    );
    expect(res.status).toBe(200);
    expect(await digestOn()).toBe(false);
  });

  it('accepts the one-click POST as multipart/form-data', async () => {
    const { token, digestOn } = await subscribedPerson();
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const res = await POST(
      new Request(url(`?token=${encodeURIComponent(token)}`), {
        method: 'POST',
        body: form,
        headers: fromIp(uniqueIp()),
      }),
    );
    expect(res.status).toBe(200);
    expect(await digestOn()).toBe(false);
  });

  it('answers 400 for a one-click POST without List-Unsubscribe=One-Click or without a token', async () => {
    const { token, digestOn } = await subscribedPerson();
    const q = `?token=${encodeURIComponent(token)}`;
    await expectError(
      await post('other=1', 'application/x-www-form-urlencoded', q),
      400,
      'bad_request',
    );
    await expectError(
      await post('List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded'),
      400,
      'bad_request',
    );
    expect(await digestOn()).toBe(true);
  });

  it.each([
    [
      'a forged token',
      () =>
        mintUnsubscribeToken({ userId: 'usr_x', key: new TextEncoder().encode('k'.repeat(40)) }),
      /not valid/,
    ],
    [
      'an expired token',
      () => mintUnsubscribeToken({ userId: 'usr_x', now: new Date(Date.now() - 400 * 86_400_000) }),
      /expired/,
    ],
    [
      'a token for another purpose',
      () => mintUnsubscribeToken({ userId: 'usr_x', purpose: 'login' }),
      /not valid/,
    ],
    [
      'a token for an unknown person',
      () => mintUnsubscribeToken({ userId: 'usr_gone' }),
      /not valid/,
    ],
    ['garbage', async () => 'not.a.token', /not valid/],
  ])('answers 400 with a clear message for %s', async (_, makeToken, message) => {
    const error = await expectError(
      await postJson({ token: await makeToken() }),
      400,
      'bad_request',
    );
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Settings/);
  });

  it('leaves everyone else alone: the token decides whose digests stop', async () => {
    const [a, b] = [await subscribedPerson(), await subscribedPerson()];
    await postJson({ token: a.token });
    expect(await a.digestOn()).toBe(false);
    expect(await b.digestOn()).toBe(true);
  });

  it('answers 422 for a JSON body without a token, 415 for other types', async () => {
    await expectError(await postJson({}), 422, 'validation_failed');
    await expectError(await post('token=x', 'text/plain'), 415, 'unsupported_media_type');
  });

  it('answers 413 for a body over 8 KB', async () => {
    await expectError(await postJson({ token: 'x'.repeat(9000) }), 413, 'payload_too_large');
  });

  it('limits requests per address (429 with Retry-After)', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 30; i++) await postJson({ token: 'bad' }, ip);
    const res = await postJson({ token: 'bad' }, ip);
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
    // Another address is not affected.
    await expectError(await postJson({ token: 'bad' }), 400, 'bad_request');
  });
});

describe('GET /api/email/unsubscribe', () => {
  it('sends a visitor to the unsubscribe page without changing anything', async () => {
    const { token, digestOn } = await subscribedPerson();
    const res = await GET(new Request(url(`?token=${encodeURIComponent(token)}`)));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.pathname).toBe('/unsubscribe');
    expect(location.searchParams.get('token')).toBe(token);
    expect(await digestOn()).toBe(true);
  });
});
