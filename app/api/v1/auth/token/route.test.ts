import { describe, expect, it } from 'vitest';

import { POST as signInRoute } from '@/app/api/v1/auth/signin/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as listTokens } from '@/app/api/v1/tokens/route';
import { hashApiToken } from '@/lib/auth/server/api-token';
import { MAX_TOKENS_PER_USER } from '@/lib/auth/server/tokens';
import { getStore } from '@/lib/db';
import {
  PASSWORD,
  bearer,
  expectError,
  expectRetryAfter,
  fromIp,
  getRequest,
  jsonRequest,
  readJson,
  signUpUser,
  uniqueEmail,
  uniqueIp,
  withCookie,
  type Me,
  describeJsonBodyErrors,
} from '@/test/api';

import { POST } from './route';

const requestToken = (email: string, password: string, ip = uniqueIp()) =>
  POST(jsonRequest('POST', '/auth/token', { email, password }, fromIp(ip)));

describe('POST /api/v1/auth/token', () => {
  it('answers 201 with a token and the user; the token works as a bearer token', async () => {
    const account = await signUpUser();
    const res = await requestToken(account.email, PASSWORD);
    expect(res.status).toBe(201);
    const body = await readJson<{ token: string; user: Me }>(res);
    expect(body.token).toMatch(/^plk_[A-Za-z0-9_-]{43}$/);
    expect(body.user).toEqual(account.user);
    expect(res.headers.get('set-cookie')).toBeNull();

    const me = await getMe(getRequest('/me', bearer(body.token)));
    expect(me.status).toBe(200);
    expect((await readJson<{ user: Me }>(me)).user.id).toBe(account.user.id);
  });

  it('lists the new token among the person’s tokens, named after the day', async () => {
    const account = await signUpUser();
    await requestToken(account.email, PASSWORD);
    const res = await listTokens(getRequest('/tokens', withCookie(account.cookie)));
    const { tokens } = await readJson<{ tokens: { name: string }[] }>(res);
    expect(tokens).toEqual([
      expect.objectContaining({ name: `Signed in ${new Date().toISOString().slice(0, 10)}` }),
    ]);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const account = await signUpUser();
    const a = await expectError(
      await requestToken(account.email, 'wrong password'),
      401,
      'unauthorized',
    );
    const b = await expectError(await requestToken(uniqueEmail(), PASSWORD), 401, 'unauthorized');
    expect(a.message).toBe(b.message);
  });

  it(`answers 409 once the person has ${MAX_TOKENS_PER_USER} tokens, like POST /tokens`, async () => {
    const account = await signUpUser();
    const store = await getStore();
    for (let i = 0; i < MAX_TOKENS_PER_USER; i++)
      await store.createApiToken({
        userId: account.user.id,
        name: `bulk ${i}`,
        tokenHash: await hashApiToken(`bulk-${account.user.id}-${i}`),
      });
    await expectError(await requestToken(account.email, PASSWORD), 409, 'conflict');
    expect(await store.listApiTokens({ userId: account.user.id })).toHaveLength(
      MAX_TOKENS_PER_USER,
    );
  });

  it('answers 422 for an invalid email', async () => {
    const error = await expectError(await requestToken('nope', PASSWORD), 422, 'validation_failed');
    expect(error.fields).toHaveProperty('email');
  });

  it('answers 422 for a missing password', async () => {
    const res = await POST(jsonRequest('POST', '/auth/token', { email: uniqueEmail() }));
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toHaveProperty('password');
  });

  it('answers 429 with Retry-After after 5 failures for an account from one address, even with the right password', async () => {
    const account = await signUpUser();
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) await requestToken(account.email, 'wrong', ip);
    const res = await requestToken(account.email, PASSWORD, ip);
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 15 * 60);
  });

  it('shares the failure count with sign-in', async () => {
    const account = await signUpUser();
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++)
      await signInRoute(
        jsonRequest(
          'POST',
          '/auth/signin',
          { email: account.email, password: 'wrong' },
          fromIp(ip),
        ),
      );
    await expectError(await requestToken(account.email, PASSWORD, ip), 429, 'rate_limited');
  });

  it('answers 429 after 30 failures from one address', async () => {
    const ip = uniqueIp();
    const account = await signUpUser();
    for (let i = 0; i < 30; i++) await requestToken(uniqueEmail(`spray${i}`), 'wrong', ip);
    const res = await requestToken(account.email, PASSWORD, ip);
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 15 * 60);
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/auth/token',
  handler: POST,
  headers: () => fromIp(uniqueIp()),
});
