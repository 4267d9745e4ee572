import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { POST as signInRoute } from '@/app/api/v1/auth/signin/route';
import { POST as twoFactorSignInRoute } from '@/app/api/v1/auth/signin/two-factor/route';
import { POST as tokenRoute } from '@/app/api/v1/auth/token/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { CODES_PER_ACCOUNT } from '@/lib/auth/server/sign-in-limits';
import { currentTotp } from '@/lib/auth/two-factor/totp';
import { getStore } from '@/lib/db';
import {
  PASSWORD,
  expectError,
  fromIp,
  getRequest,
  jsonRequest,
  readJson,
  sessionCookieFrom,
  signUpUser,
  uniqueIp,
  withCookie,
  type TestAccount,
} from '@/test/api';

import { POST as confirmRoute } from './confirm/route';
import { POST as disableRoute } from './disable/route';
import { GET as statusRoute, POST as startRoute } from './route';

const enrolmentSchema = z.object({
  secret: z.string().regex(/^[A-Z2-7]{16,}$/),
  otpauthUri: z.string(),
  qrCode: z.string(),
});
const challengeSchema = z.object({ twoFactorRequired: z.literal(true), challenge: z.string() });
const recoverySchema = z.object({ recoveryCodes: z.array(z.string()).length(10) });

// The clock stands still in each test (only Date is faked), so "the same code" is never a new
// 30-second step by chance; nextStep() moves it on.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now());
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock to the next 30-second step, so the authenticator shows a new code. */
function nextStep() {
  vi.setSystemTime(Date.now() + 30_000);
}

async function enrol(account: TestAccount) {
  const started = await startRoute(
    jsonRequest('POST', '/me/two-factor', {}, withCookie(account.cookie)),
  );
  expect(started.status).toBe(201);
  const { secret, otpauthUri, qrCode } = enrolmentSchema.parse(await started.json());
  const code = await currentTotp(secret);
  const confirmed = await confirmRoute(
    jsonRequest('POST', '/me/two-factor/confirm', { code }, withCookie(account.cookie)),
  );
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = recoverySchema.parse(await confirmed.json());
  return { secret, otpauthUri, qrCode, recoveryCodes };
}

const passwordStep = async (account: TestAccount, ip = uniqueIp()) => {
  const res = await signInRoute(
    jsonRequest('POST', '/auth/signin', { email: account.email, password: PASSWORD }, fromIp(ip)),
  );
  expect(res.status).toBe(200);
  expect(res.headers.get('set-cookie'), 'no session before the code').toBeNull();
  return challengeSchema.parse(await res.json()).challenge;
};

const codeStep = (challenge: string, code: string) =>
  twoFactorSignInRoute(jsonRequest('POST', '/auth/signin/two-factor', { challenge, code }));

describe('two-factor enrolment', () => {
  it('shows a QR code drawn locally and the secret once, stores the secret sealed, and needs a right code', async () => {
    const account = await signUpUser();
    const started = await startRoute(
      jsonRequest('POST', '/me/two-factor', {}, withCookie(account.cookie)),
    );
    const { secret, otpauthUri, qrCode } = enrolmentSchema.parse(await started.json());
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Parley:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);

    const stored = await (await getStore()).getTwoFactor({ userId: account.user.id });
    expect(stored?.secretBox).not.toContain(secret);
    const status = await statusRoute(getRequest('/me/two-factor', withCookie(account.cookie)));
    expect(await readJson(status)).toEqual({ enabled: false, pending: true, recoveryCodesLeft: 0 });

    await expectError(
      await confirmRoute(
        jsonRequest(
          'POST',
          '/me/two-factor/confirm',
          { code: '000000' },
          withCookie(account.cookie),
        ),
      ),
      401,
      'unauthorized',
    );
    const ok = await confirmRoute(
      jsonRequest(
        'POST',
        '/me/two-factor/confirm',
        { code: await currentTotp(secret) },
        withCookie(account.cookie),
      ),
    );
    const { recoveryCodes } = recoverySchema.parse(await ok.json());
    expect(new Set(recoveryCodes).size).toBe(10);
    const after = await statusRoute(getRequest('/me/two-factor', withCookie(account.cookie)));
    expect(await readJson(after)).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    // Enabled: a new start is refused (it would replace the secret without a code).
    await expectError(
      await startRoute(jsonRequest('POST', '/me/two-factor', {}, withCookie(account.cookie))),
      409,
      'conflict',
    );
  });
});

describe('signing in with two-factor on', () => {
  it('gives a session only after a right code, and never for the same code twice', async () => {
    const account = await signUpUser();
    const { secret } = await enrol(account);
    const challenge = await passwordStep(account);

    // The code that confirmed enrolment (same 30-second step) cannot be used again.
    await expectError(await codeStep(challenge, await currentTotp(secret)), 401, 'unauthorized');
    await expectError(await codeStep(challenge, '123456'), 401, 'unauthorized');

    nextStep();
    const code = await currentTotp(secret);
    const res = await codeStep(challenge, code);
    expect(res.status).toBe(200);
    const me = await getMe(getRequest('/me', withCookie(sessionCookieFrom(res))));
    expect(me.status).toBe(200);
    await expectError(await codeStep(challenge, code), 401, 'unauthorized');
  });

  it('accepts a recovery code once', async () => {
    const account = await signUpUser();
    const { recoveryCodes } = await enrol(account);
    const code = recoveryCodes[3]!;
    const first = await codeStep(await passwordStep(account), code.toUpperCase());
    expect(first.status).toBe(200);
    sessionCookieFrom(first);
    await expectError(await codeStep(await passwordStep(account), code), 401, 'unauthorized');
    const status = await statusRoute(getRequest('/me/two-factor', withCookie(account.cookie)));
    expect(await readJson(status)).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it('limits wrong codes like passwords: after 5, even the right code is refused', async () => {
    const account = await signUpUser();
    const { secret } = await enrol(account);
    const challenge = await passwordStep(account);
    const wrong = await Promise.all(
      Array.from({ length: 20 }, (_, i) => codeStep(challenge, String(100000 + i))),
    );
    expect(wrong.filter((r) => r.status === 401)).toHaveLength(CODES_PER_ACCOUNT.limit);
    nextStep();
    await expectError(await codeStep(challenge, await currentTotp(secret)), 429, 'rate_limited');
  });

  it('refuses a forged or foreign challenge', async () => {
    const account = await signUpUser();
    await enrol(account);
    const challenge = await passwordStep(account);
    const [header, , signature] = challenge.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'u_other', aud: 'parley:two-factor-sign-in', exp: 9999999999 })).toString('base64url')}.${signature}`;
    await expectError(await codeStep(forged, '123456'), 401, 'unauthorized');
    await expectError(await codeStep('not-a-token', '123456'), 401, 'unauthorized');
  });

  it('API tokens from a password need the code as well', async () => {
    const account = await signUpUser();
    const { secret } = await enrol(account);
    const request = (body: Record<string, string>) =>
      tokenRoute(
        jsonRequest(
          'POST',
          '/auth/token',
          { email: account.email, password: PASSWORD, ...body },
          fromIp(uniqueIp()),
        ),
      );
    const missing = await expectError(await request({}), 401, 'unauthorized');
    expect(missing.fields).toHaveProperty('code');
    nextStep();
    const res = await request({ code: await currentTotp(secret) });
    expect(res.status).toBe(201);
  });
});

describe('turning two-factor off', () => {
  it('needs a right code, then sign-in is one step again', async () => {
    const account = await signUpUser();
    const { secret } = await enrol(account);
    const off = (code: string) =>
      disableRoute(
        jsonRequest('POST', '/me/two-factor/disable', { code }, withCookie(account.cookie)),
      );
    await expectError(await off('000000'), 401, 'unauthorized');
    nextStep();
    expect(await readJson(await off(await currentTotp(secret)))).toEqual({ enabled: false });
    const res = await signInRoute(
      jsonRequest(
        'POST',
        '/auth/signin',
        { email: account.email, password: PASSWORD },
        fromIp(uniqueIp()),
      ),
    );
    expect(res.status).toBe(200);
    sessionCookieFrom(res);
  });
});
