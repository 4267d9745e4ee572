import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';

import { publishStats } from '@/lib/realtime/server/publish';
import {
  bearer,
  createApiToken,
  expectError,
  expectRetryAfter,
  getRequest,
  jsonRequest,
  readJson,
  signUpUser,
  withCookie,
  type Me,
  describeJsonBodyErrors,
} from '@/test/api';

import { GET, PATCH } from './route';

const getMe = (headers: Record<string, string>) => GET(getRequest('/me', headers));
const patchMe = (cookie: string, body: unknown) =>
  PATCH(jsonRequest('PATCH', '/me', body, withCookie(cookie)));
const userOf = async (res: Response) => (await readJson<{ user: Me }>(res)).user;

describe('GET /api/v1/me', () => {
  it('answers 200 with the caller for a session cookie', async () => {
    const account = await signUpUser({ name: 'Cookie Person' });
    const res = await getMe(withCookie(account.cookie));
    expect(res.status).toBe(200);
    expect(await userOf(res)).toEqual(account.user);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 200 with the caller for a bearer API token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const res = await getMe(bearer(token));
    expect(res.status).toBe(200);
    expect(await userOf(res)).toEqual(account.user);
  });

  it('answers 401 with a JSON error when there is neither', async () => {
    const error = await expectError(await getMe({}), 401, 'unauthorized');
    expect(error.message).toMatch(/Sign in/);
  });

  it('answers 401 for a bearer token that is not a Parley token', async () => {
    await expectError(await getMe(bearer('garbage')), 401, 'unauthorized');
  });

  it('answers 401 for a well-formed bearer token nobody issued', async () => {
    await expectError(await getMe(bearer(`plk_${'A'.repeat(43)}`)), 401, 'unauthorized');
  });

  it('answers 401 for a tampered session cookie', async () => {
    const { cookie } = await signUpUser();
    const eq = cookie.indexOf('=');
    const value = cookie.slice(eq + 1);
    const mid = Math.floor(value.length / 2);
    const flipped = value[mid] === 'A' ? 'B' : 'A';
    const tampered = `${cookie.slice(0, eq + 1)}${value.slice(0, mid)}${flipped}${value.slice(mid + 1)}`;
    await expectError(await getMe(withCookie(tampered)), 401, 'unauthorized');
  });

  it('answers 401 for a session cookie minted with another secret', async () => {
    const account = await signUpUser();
    const forged = await encode({
      token: { sub: account.user.id, sv: 0 },
      secret: 'not-the-server-secret-'.padEnd(48, 'z'),
    });
    const name = account.cookie.slice(0, account.cookie.indexOf('='));
    await expectError(await getMe(withCookie(`${name}=${forged}`)), 401, 'unauthorized');
  });

  it('answers 401 for a session cookie of garbage', async () => {
    const { cookie } = await signUpUser();
    const name = cookie.slice(0, cookie.indexOf('='));
    await expectError(await getMe(withCookie(`${name}=not.a.jwt`)), 401, 'unauthorized');
  });
});

describe('PATCH /api/v1/me', () => {
  it('updates the name and status', async () => {
    const account = await signUpUser({ name: 'Before' });
    const res = await patchMe(account.cookie, { name: '  After  ', statusText: ' Out to lunch ' });
    expect(res.status).toBe(200);
    expect(await userOf(res)).toEqual({
      ...account.user,
      name: 'After',
      statusText: 'Out to lunch',
    });
    expect(await userOf(await getMe(withCookie(account.cookie)))).toMatchObject({
      name: 'After',
      statusText: 'Out to lunch',
    });
  });

  it('updates only the fields sent', async () => {
    const account = await signUpUser({ name: 'Keep Me' });
    const res = await patchMe(account.cookie, { statusText: 'Busy' });
    expect(await userOf(res)).toMatchObject({ name: 'Keep Me', statusText: 'Busy' });
  });

  it('clears the status to null when it is empty', async () => {
    const account = await signUpUser();
    await patchMe(account.cookie, { statusText: 'Busy' });
    const res = await patchMe(account.cookie, { statusText: '   ' });
    expect(res.status).toBe(200);
    expect((await userOf(res)).statusText).toBeNull();
  });

  it('clears the status to null when it is null', async () => {
    const account = await signUpUser();
    await patchMe(account.cookie, { statusText: 'Busy' });
    expect(
      (await userOf(await patchMe(account.cookie, { statusText: null }))).statusText,
    ).toBeNull();
  });

  it('still succeeds when the realtime publish fails', async () => {
    const account = await signUpUser();
    const failedBefore = publishStats.failed;
    const res = await patchMe(account.cookie, { name: 'Offline Realtime' });
    expect(res.status).toBe(200);
    expect((await userOf(res)).name).toBe('Offline Realtime');
    expect(publishStats.failed).toBe(failedBefore + 1);
  });

  it('works with a bearer API token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const res = await PATCH(jsonRequest('PATCH', '/me', { name: 'Via Token' }, bearer(token)));
    expect((await userOf(res)).name).toBe('Via Token');
  });

  it('answers 422 for an unknown field', async () => {
    const account = await signUpUser();
    const res = await patchMe(account.cookie, { name: 'Ok', email: 'new@example.com' });
    await expectError(res, 422, 'validation_failed');
    expect((await userOf(await getMe(withCookie(account.cookie)))).email).toBe(account.email);
  });

  it('answers 422 for an empty object', async () => {
    const account = await signUpUser();
    await expectError(await patchMe(account.cookie, {}), 422, 'validation_failed');
  });

  it('answers 422 for a name over 80 characters', async () => {
    const account = await signUpUser();
    const error = await expectError(
      await patchMe(account.cookie, { name: 'x'.repeat(81) }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ name: expect.any(String) });
  });

  it('answers 422 for an empty name', async () => {
    const account = await signUpUser();
    const error = await expectError(
      await patchMe(account.cookie, { name: '  ' }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ name: expect.any(String) });
  });

  it('answers 422 for a status over 140 characters', async () => {
    const account = await signUpUser();
    const error = await expectError(
      await patchMe(account.cookie, { statusText: 's'.repeat(141) }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ statusText: expect.any(String) });
  });

  it('answers 422 for a field of the wrong type', async () => {
    const account = await signUpUser();
    const error = await expectError(
      await patchMe(account.cookie, { name: 42 }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ name: expect.any(String) });
  });

  it('answers 401 when signed out', async () => {
    await expectError(
      await PATCH(jsonRequest('PATCH', '/me', { name: 'Nobody' })),
      401,
      'unauthorized',
    );
  });

  it('answers 429 with Retry-After after 30 changes in a minute', async () => {
    const account = await signUpUser();
    for (let i = 0; i < 30; i++)
      expect((await patchMe(account.cookie, { statusText: `#${i}` })).status).toBe(200);
    const res = await patchMe(account.cookie, { statusText: 'one too many' });
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });
});

describe('PATCH /api/v1/me from another site', () => {
  const patchFrom = (headers: Record<string, string>, body: unknown) =>
    PATCH(jsonRequest('PATCH', '/me', body, headers));

  it.each([
    ['Origin: http://evil.test', { origin: 'http://evil.test' }],
    ['a same-site page on another port', { origin: 'http://parley.test:4000' }],
    ['Sec-Fetch-Site: cross-site and no Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses the session cookie with %s (403) and changes nothing', async (_, headers) => {
    const account = await signUpUser({ name: 'Victim' });
    const res = await patchFrom({ ...withCookie(account.cookie), ...headers }, { name: 'Owned' });
    await expectError(res, 403, 'cross_origin');
    expect((await userOf(await getMe(withCookie(account.cookie)))).name).toBe('Victim');
  });

  it('accepts the app’s own origin', async () => {
    const account = await signUpUser({ name: 'Before' });
    const res = await patchFrom(
      { ...withCookie(account.cookie), origin: 'http://parley.test' },
      { name: 'After' },
    );
    expect(res.status).toBe(200);
  });

  it('accepts a bearer token whatever the Origin (no page can attach it)', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const res = await patchFrom({ ...bearer(token), origin: 'http://evil.test' }, { name: 'Bot' });
    expect(res.status).toBe(200);
  });
});

describeJsonBodyErrors({
  method: 'PATCH',
  path: '/me',
  handler: PATCH,
  headers: async () => withCookie((await signUpUser()).cookie),
});
