/**
 * The attacks of issue #17 against sign-in and sign-up, through the route handlers: each test
 * performs one and fails if it works again.
 */
import { describe, expect, it } from 'vitest';

import { POST as signInRoute } from '@/app/api/v1/auth/signin/route';
import { POST as signUpRoute } from '@/app/api/v1/auth/signup/route';
import { SIGN_UPS_PER_IP } from '@/lib/auth/server/accounts';
import {
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ACCOUNT_AND_ADDRESS,
  SIGN_IN_PER_ADDRESS,
} from '@/lib/auth/server/sign-in-limits';
import {
  PASSWORD,
  expectError,
  fromIp,
  jsonRequest,
  signUpUser,
  uniqueEmail,
  uniqueIp,
} from '@/test/api';

const signIn = (
  email: string,
  password: string,
  ip: string,
  headers: Record<string, string> = {},
) =>
  signInRoute(
    jsonRequest('POST', '/auth/signin', { email, password }, { ...fromIp(ip), ...headers }),
  );

/** The `parley_device=…` pair a successful sign-in sets. */
function deviceCookieOf(res: Response): string {
  const pair = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('parley_device='));
  expect(pair, 'sign-in sets the device cookie').toBeTruthy();
  return pair!;
}

describe('sign-in guesses are counted before the password is checked (finding 4)', () => {
  it('200 parallel guesses from one address get 5 password checks, and the right password at 61 gets no session', async () => {
    const account = await signUpUser();
    const ip = uniqueIp();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        signIn(account.email, i === 60 ? PASSWORD : `wrong ${i}`, ip),
      ),
    );
    const statuses = responses.map((r) => r.status);
    // Every checked password was wrong (401); everything past the limit was refused unchecked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_PER_ACCOUNT_AND_ADDRESS.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(
      200 - SIGN_IN_PER_ACCOUNT_AND_ADDRESS.limit,
    );
    expect(statuses[60]).toBe(429);
    expect(responses.every((r) => r.headers.get('set-cookie') === null)).toBe(true);
  });

  it('200 parallel guesses from 200 addresses get at most the account-wide number of checks', async () => {
    const account = await signUpUser();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => signIn(account.email, `wrong ${i}`, uniqueIp())),
    );
    const checked = responses.filter((r) => r.status !== 429);
    expect(checked).toHaveLength(SIGN_IN_PER_ACCOUNT.limit);
    expect(checked.every((r) => r.status === 401)).toBe(true);
  });
});

describe('nobody can lock the owner out (finding 5)', () => {
  it("an attacker's wrong passwords from another address do not stop the owner", async () => {
    const account = await signUpUser();
    const attacker = uniqueIp();
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT_AND_ADDRESS.limit; i++)
      await expectError(await signIn(account.email, `guess ${i}`, attacker), 401, 'unauthorized');
    await expectError(await signIn(account.email, 'one more', attacker), 429, 'rate_limited');
    // The owner, from their own address, without ever having signed in on this browser.
    expect((await signIn(account.email, PASSWORD, uniqueIp())).status).toBe(200);
  });

  it("past the account-wide slow-down, the owner's own device still gets in, and a new one does not", async () => {
    const account = await signUpUser();
    const first = await signIn(account.email, PASSWORD, uniqueIp());
    expect(first.status).toBe(200);
    const device = deviceCookieOf(first);

    // Guesses from many addresses use up the account-wide allowance.
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.limit; i++)
      await expectError(await signIn(account.email, `guess ${i}`, uniqueIp()), 401, 'unauthorized');
    await expectError(await signIn(account.email, PASSWORD, uniqueIp()), 429, 'rate_limited');

    // The owner's browser, even from an address the attacker used up.
    const owner = await signIn(account.email, PASSWORD, uniqueIp(), { cookie: device });
    expect(owner.status).toBe(200);
  });

  it('a device cookie of another account, or a forged one, exempts nothing', async () => {
    const victim = await signUpUser();
    const attacker = await signUpUser();
    const attackerDevice = deviceCookieOf(await signIn(attacker.email, PASSWORD, uniqueIp()));
    const [name, value] = attackerDevice.split('=') as [string, string];
    const [, deviceId, mac] = value.split('.');
    const forged = `${name}=${victim.user.id}.${deviceId}.${mac}`;
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.limit; i++)
      await signIn(victim.email, `guess ${i}`, uniqueIp(), { cookie: attackerDevice });
    for (const cookie of [attackerDevice, forged])
      await expectError(
        await signIn(victim.email, `guess`, uniqueIp(), { cookie }),
        429,
        'rate_limited',
      );
  });

  it('guessing with a device cookie stays bounded (per device)', async () => {
    const account = await signUpUser();
    const device = deviceCookieOf(await signIn(account.email, PASSWORD, uniqueIp()));
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT_AND_ADDRESS.limit; i++)
      await expectError(
        await signIn(account.email, `guess ${i}`, uniqueIp(), { cookie: device }),
        401,
        'unauthorized',
      );
    await expectError(
      await signIn(account.email, PASSWORD, uniqueIp(), { cookie: device }),
      429,
      'rate_limited',
    );
  });
});

describe('X-Forwarded-For does not choose the caller address (finding 3)', () => {
  const rotating = (i: number) => ({ 'x-forwarded-for': `198.51.${i >> 8}.${i & 255}` });

  it('rotating the header does not sidestep the per-address sign-in limit', async () => {
    const peer = uniqueIp();
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.limit; i++)
      await signIn(uniqueEmail('nobody'), 'wrong', peer, rotating(i));
    await expectError(
      await signIn(uniqueEmail('nobody'), 'wrong', peer, rotating(999)),
      429,
      'rate_limited',
    );
  });

  it('rotating the header does not sidestep the sign-up limit', async () => {
    const peer = uniqueIp();
    const signUp = (i: number) =>
      signUpRoute(
        jsonRequest(
          'POST',
          '/auth/signup',
          { email: uniqueEmail('spam'), password: PASSWORD, name: 'Spam' },
          { ...fromIp(peer), ...rotating(i) },
        ),
      );
    for (let i = 0; i < SIGN_UPS_PER_IP.limit; i++) expect((await signUp(i)).status).toBe(201);
    await expectError(await signUp(999), 429, 'rate_limited');
  });
});
