import { describe, expect, it } from 'vitest';

import { POST as signInRoute } from '@/app/api/v1/auth/signin/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { getStore } from '@/lib/db';
import {
  PASSWORD,
  bearer,
  createApiToken,
  expectError,
  fromIp,
  getRequest,
  jsonRequest,
  rawRequest,
  readJson,
  sessionCookieFrom,
  signUpUser,
  uniqueIp,
  withCookie,
} from '@/test/api';

import { POST } from './route';

const signOutAll = (headers: Record<string, string>) =>
  POST(rawRequest('POST', '/auth/signout-all', null, headers));

const meStatus = async (headers: Record<string, string>) =>
  (await getMe(getRequest('/me', headers))).status;

async function signIn(email: string) {
  const res = await signInRoute(
    jsonRequest('POST', '/auth/signin', { email, password: PASSWORD }, fromIp(uniqueIp())),
  );
  expect(res.status).toBe(200);
  return sessionCookieFrom(res);
}

describe('POST /api/v1/auth/signout-all', () => {
  it('answers 200 and clears the session cookie', async () => {
    const { cookie } = await signUpUser();
    const res = await signOutAll(withCookie(cookie));
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ok: true });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^(__Secure-)?next-auth\.session-token=;/);
    expect(setCookie).toMatch(/; Max-Age=0/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; Path=\//);
  });

  it('makes the cookie it was called with stop working', async () => {
    const { cookie } = await signUpUser();
    expect(await meStatus(withCookie(cookie))).toBe(200);
    await signOutAll(withCookie(cookie));
    await expectError(await getMe(getRequest('/me', withCookie(cookie))), 401, 'unauthorized');
  });

  it('ends the sessions on other devices too', async () => {
    const account = await signUpUser();
    const laptop = await signIn(account.email);
    const phone = await signIn(account.email);
    await signOutAll(withCookie(laptop));
    expect(await meStatus(withCookie(phone))).toBe(401);
    expect(await meStatus(withCookie(account.cookie))).toBe(401);
  });

  it('does not stop a new sign-in afterwards from working', async () => {
    const account = await signUpUser();
    await signOutAll(withCookie(account.cookie));
    expect(await meStatus(withCookie(await signIn(account.email)))).toBe(200);
  });

  it('works when called with an API token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    expect((await signOutAll(bearer(token))).status).toBe(200);
    expect(await meStatus(withCookie(account.cookie))).toBe(401);
  });

  it('removes the person’s push subscriptions, and only theirs', async () => {
    const a = await signUpUser();
    const b = await signUpUser();
    const store = await getStore();
    const keys = { p256dh: 'p', auth: 'a' };
    await store.savePushSubscription({
      userId: a.user.id,
      endpoint: 'https://push.example/a1',
      ...keys,
    });
    await store.savePushSubscription({
      userId: a.user.id,
      endpoint: 'https://push.example/a2',
      ...keys,
    });
    await store.savePushSubscription({
      userId: b.user.id,
      endpoint: 'https://push.example/b1',
      ...keys,
    });
    expect((await signOutAll(withCookie(a.cookie))).status).toBe(200);
    expect(await store.listPushSubscriptions({ userId: a.user.id })).toEqual([]);
    expect(await store.listPushSubscriptions({ userId: b.user.id })).toHaveLength(1);
  });

  it('does not touch other people’s sessions', async () => {
    const a = await signUpUser();
    const b = await signUpUser();
    await signOutAll(withCookie(a.cookie));
    expect(await meStatus(withCookie(b.cookie))).toBe(200);
  });

  it('answers 401 when signed out', async () => {
    await expectError(await signOutAll({}), 401, 'unauthorized');
  });

  it('answers 401 for a cookie already signed out', async () => {
    const { cookie } = await signUpUser();
    await signOutAll(withCookie(cookie));
    await expectError(await signOutAll(withCookie(cookie)), 401, 'unauthorized');
  });
});

describe('POST /api/v1/auth/signout-all from another site', () => {
  it('refuses the session cookie with Origin: http://evil.test (403), sessions kept', async () => {
    const { cookie } = await signUpUser();
    const res = await signOutAll({ ...withCookie(cookie), origin: 'http://evil.test' });
    await expectError(res, 403, 'cross_origin');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await meStatus(withCookie(cookie))).toBe(200);
  });

  it('refuses a cross-site request without Origin (Sec-Fetch-Site), sessions kept', async () => {
    const { cookie } = await signUpUser();
    const res = await signOutAll({ ...withCookie(cookie), 'sec-fetch-site': 'cross-site' });
    await expectError(res, 403, 'cross_origin');
    expect(await meStatus(withCookie(cookie))).toBe(200);
  });

  it('signs out from the app’s own origin', async () => {
    const { cookie } = await signUpUser();
    const res = await signOutAll({ ...withCookie(cookie), origin: 'http://parley.test' });
    expect(res.status).toBe(200);
    expect(await meStatus(withCookie(cookie))).toBe(401);
  });
});
