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

const signUp = (body: unknown, ip = uniqueIp()) =>
  POST(jsonRequest('POST', '/auth/signup', body, fromIp(ip)));

const valid = () => ({ email: uniqueEmail('signup'), password: PASSWORD, name: 'Ana Lima' });

describe('POST /api/v1/auth/signup', () => {
  it('creates the account: 201 with the user and a session cookie', async () => {
    const input = valid();
    const res = await signUp(input);
    expect(res.status).toBe(201);
    const { user } = await readJson<{ user: Me }>(res);
    expect(user).toEqual({
      id: expect.stringMatching(/^u_[a-z0-9]{20}$/),
      email: input.email,
      name: 'Ana Lima',
      image: null,
      statusText: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(JSON.stringify(user)).not.toContain(PASSWORD);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie that signs the person in', async () => {
    const res = await signUp(valid());
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=2592000/);
    const { user } = await readJson<{ user: Me }>(res);

    const me = await getMe(getRequest('/me', withCookie(sessionCookieFrom(res))));
    expect(me.status).toBe(200);
    expect((await readJson<{ user: Me }>(me)).user.id).toBe(user.id);
  });

  it('trims and lower-cases the email, and trims the name', async () => {
    const email = uniqueEmail('Mixed.Case');
    const res = await signUp({
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      name: ' Bo ',
    });
    expect(res.status).toBe(201);
    const { user } = await readJson<{ user: Me }>(res);
    expect(user.email).toBe(email.toLowerCase());
    expect(user.name).toBe('Bo');
  });

  it('answers 409 for an email that is taken', async () => {
    const { email } = await signUpUser();
    const res = await signUp({ ...valid(), email });
    const error = await expectError(res, 409, 'conflict');
    expect(error.fields).toEqual({ email: expect.any(String) });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers 409 for the taken email written with other case and spaces', async () => {
    const { email } = await signUpUser();
    const res = await signUp({ ...valid(), email: ` ${email.toUpperCase()}  ` });
    await expectError(res, 409, 'conflict');
  });

  it.each([
    ['email', 'an invalid email', { email: 'not-an-email' }],
    ['email', 'a missing email', { email: undefined }],
    ['email', 'an email over 254 characters', { email: `${'a'.repeat(250)}@example.com` }],
    ['password', 'a password under 8 characters', { password: 'short' }],
    ['password', 'a password over 128 characters', { password: 'x'.repeat(129) }],
    ['password', 'a password that is not a string', { password: 12345678 }],
    ['name', 'an empty name', { name: '' }],
    ['name', 'a name of only spaces', { name: '   ' }],
    ['name', 'a name over 80 characters', { name: 'x'.repeat(81) }],
  ])('answers 422 on %s for %s', async (field, _case, override) => {
    const res = await signUp({ ...valid(), ...override });
    const error = await expectError(res, 422, 'validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(error.fields?.[field]).toEqual(expect.any(String));
  });

  it('answers 422 naming every bad field when several are wrong', async () => {
    const res = await signUp({ email: 'nope', password: 'short', name: '' });
    const error = await expectError(res, 422, 'validation_failed');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'name', 'password']);
  });

  it.each([
    ['an array', ['a', 'b']],
    ['null', null],
    ['a number', 42],
    ['a string', 'text'],
    ['an empty object', {}],
    ['null fields', { email: null, password: null, name: null }],
  ])('answers 422 for a JSON body that is %s', async (_case, body) => {
    await expectError(await signUp(body), 422, 'validation_failed');
  });

  it('answers 429 with Retry-After after 20 sign-ups from one address', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 20; i++) expect((await signUp(valid(), ip)).status).toBe(201);

    const res = await signUp(valid(), ip);
    const error = await expectError(res, 429, 'rate_limited');
    expect(error.message).toMatch(/sign-ups/);
    expectRetryAfter(res, 60 * 60);
    expect(res.headers.get('set-cookie')).toBeNull();

    // Another address is not affected.
    expect((await signUp(valid())).status).toBe(201);
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/auth/signup',
  handler: POST,
  headers: () => fromIp(uniqueIp()),
});
