import { describe, expect, it } from 'vitest';

import { GET as getMe } from '@/app/api/v1/me/route';
import {
  PASSWORD,
  expectError,
  expectRetryAfter,
  fromIp,
  getRequest,
  jsonRequest,
  readJson,
  sessionCookieFrom,
  signUpUser,
  uniqueEmail,
  uniqueIp,
  withCookie,
  type Me,
  describeJsonBodyErrors,
} from '@/test/api';

import { POST } from './route';

const signIn = (email: string, password: string, ip = uniqueIp()) =>
  POST(jsonRequest('POST', '/auth/signin', { email, password }, fromIp(ip)));

describe('POST /api/v1/auth/signin', () => {
  it('answers 200 with the user and a session cookie that works', async () => {
    const account = await signUpUser();
    const res = await signIn(account.email, PASSWORD);
    expect(res.status).toBe(200);
    expect((await readJson<{ user: Me }>(res)).user).toEqual(account.user);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);

    const me = await getMe(getRequest('/me', withCookie(sessionCookieFrom(res))));
    expect(me.status).toBe(200);
    expect((await readJson<{ user: Me }>(me)).user.id).toBe(account.user.id);
  });

  it('accepts the email in any case and with surrounding spaces', async () => {
    const account = await signUpUser();
    const res = await signIn(`  ${account.email.toUpperCase()} `, PASSWORD);
    expect(res.status).toBe(200);
  });

  it('answers 401 with the same message for an unknown email and a wrong password', async () => {
    const account = await signUpUser();
    const wrongPassword = await signIn(account.email, 'not the password');
    const unknownEmail = await signIn(uniqueEmail('nobody'), PASSWORD);
    const a = await expectError(wrongPassword, 401, 'unauthorized');
    const b = await expectError(unknownEmail, 401, 'unauthorized');
    expect(a.message).toBe(b.message);
    expect(a.fields).toBeUndefined();
    expect(b.fields).toBeUndefined();
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    expect(unknownEmail.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['email', 'an invalid email', { email: 'nope', password: PASSWORD }],
    ['email', 'a missing email', { password: PASSWORD }],
    ['password', 'an empty password', { email: 'a@example.com', password: '' }],
    ['password', 'a missing password', { email: 'a@example.com' }],
    [
      'password',
      'a password over 1024 characters',
      { email: 'a@b.co', password: 'x'.repeat(1025) },
    ],
  ])('answers 422 on %s for %s', async (field, _case, body) => {
    const res = await POST(jsonRequest('POST', '/auth/signin', body, fromIp(uniqueIp())));
    const error = await expectError(res, 422, 'validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });

  it('answers 429 with Retry-After after 5 failures for an account from one address, even with the right password', async () => {
    const account = await signUpUser();
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++)
      await expectError(await signIn(account.email, `wrong ${i}`, ip), 401, 'unauthorized');

    const res = await signIn(account.email, PASSWORD, ip);
    const error = await expectError(res, 429, 'rate_limited');
    expect(error.message).toMatch(/this account/);
    expectRetryAfter(res, 15 * 60);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('keeps counting toward the account lock when the email is written differently', async () => {
    const account = await signUpUser();
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++)
      await signIn(i % 2 ? account.email.toUpperCase() : ` ${account.email}`, 'wrong', ip);
    await expectError(await signIn(account.email, PASSWORD, ip), 429, 'rate_limited');
  });

  it('does not lock other accounts when one account is locked', async () => {
    const ip = uniqueIp();
    const locked = await signUpUser();
    const other = await signUpUser();
    for (let i = 0; i < 5; i++) await signIn(locked.email, 'wrong', ip);
    await expectError(await signIn(locked.email, PASSWORD, ip), 429, 'rate_limited');
    expect((await signIn(other.email, PASSWORD, ip)).status).toBe(200);
  });

  it('answers 429 with Retry-After after 30 failures from one address, for every account', async () => {
    const ip = uniqueIp();
    const victim = await signUpUser();
    // Spread over many emails so that no single account reaches its own limit.
    for (let i = 0; i < 30; i++)
      await expectError(await signIn(uniqueEmail(`spray${i}`), 'wrong', ip), 401, 'unauthorized');

    const res = await signIn(victim.email, PASSWORD, ip);
    const error = await expectError(res, 429, 'rate_limited');
    expect(error.message).toMatch(/this network/);
    expectRetryAfter(res, 15 * 60);

    // The same account from another address is fine.
    expect((await signIn(victim.email, PASSWORD)).status).toBe(200);
  });

  it("resets the account's failure count after a successful sign-in", async () => {
    const account = await signUpUser();
    for (let i = 0; i < 4; i++) await signIn(account.email, 'wrong');
    expect((await signIn(account.email, PASSWORD)).status).toBe(200);

    // Without the reset this would be failures 5 to 8 and then a lock.
    for (let i = 0; i < 4; i++)
      await expectError(await signIn(account.email, 'wrong'), 401, 'unauthorized');
    expect((await signIn(account.email, PASSWORD)).status).toBe(200);
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/auth/signin',
  handler: POST,
  headers: () => fromIp(uniqueIp()),
});
