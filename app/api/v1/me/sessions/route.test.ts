import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { POST as signInRoute } from '@/app/api/v1/auth/signin/route';
import { POST as signOutAllRoute } from '@/app/api/v1/auth/signout-all/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { CHECK_TTL_MS, sessionIsLive } from '@/lib/auth/server/sessions';
import { decodeSession } from '@/lib/auth/server/session';
import { getStore } from '@/lib/db';
import { requireSecret } from '@/lib/env';
import {
  PASSWORD,
  deleteRequest,
  expectError,
  fromIp,
  getRequest,
  jsonRequest,
  sessionCookieFrom,
  signUpUser,
  uniqueIp,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { DELETE as revokeRoute } from './[id]/route';
import { GET as listRoute } from './route';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const sessionsSchema = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      browser: z.string(),
      os: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      current: z.boolean(),
    }),
  ),
});

async function signInFrom(account: TestAccount, userAgent: string): Promise<string> {
  const res = await signInRoute(
    jsonRequest(
      'POST',
      '/auth/signin',
      { email: account.email, password: PASSWORD },
      { ...fromIp(uniqueIp()), 'user-agent': userAgent },
    ),
  );
  expect(res.status).toBe(200);
  return sessionCookieFrom(res);
}

const list = async (cookie: string) =>
  sessionsSchema.parse(
    await (await listRoute(getRequest('/me/sessions', withCookie(cookie)))).json(),
  ).sessions;
const revoke = (cookie: string, id: string) =>
  revokeRoute(deleteRequest(`/me/sessions/${id}`, withCookie(cookie)), withParams({ id }));
const meStatus = async (cookie: string) =>
  (await getMe(getRequest('/me', withCookie(cookie)))).status;

describe('active sessions', () => {
  it('lists each signed-in browser, and signing one out from another makes its cookie 401', async () => {
    const account = await signUpUser();
    const laptop = await signInFrom(account, FIREFOX);
    const phone = await signInFrom(account, SAFARI_IPHONE);

    const sessions = await list(laptop);
    // Sign-up's own session too.
    expect(sessions).toHaveLength(3);
    const mine = sessions.find((s) => s.current)!;
    expect(mine).toMatchObject({ browser: 'Firefox', os: 'Linux' });
    const other = sessions.find((s) => s.browser === 'Safari')!;
    expect(other).toMatchObject({ os: 'iOS', current: false });

    expect((await revoke(laptop, other.id)).status).toBe(200);
    expect(await meStatus(phone)).toBe(401);
    expect(await meStatus(laptop)).toBe(200);
    expect((await list(laptop)).map((s) => s.id)).not.toContain(other.id);
  });

  it("cannot sign out someone else's session", async () => {
    const a = await signUpUser();
    const b = await signUpUser();
    const [bSession] = await list(b.cookie);
    await expectError(await revoke(a.cookie, bSession!.id), 404, 'not_found');
    expect(await meStatus(b.cookie)).toBe(200);
  });

  it('"Sign out of all devices" ends every session', async () => {
    const account = await signUpUser();
    const other = await signInFrom(account, FIREFOX);
    const res = await signOutAllRoute(
      jsonRequest('POST', '/auth/signout-all', {}, withCookie(account.cookie)),
    );
    expect(res.status).toBe(200);
    expect(await meStatus(other)).toBe(401);
    expect(await (await getStore()).listSessions({ userId: account.user.id })).toEqual([]);
  });

  it('refuses a session cookie that names no session record', async () => {
    const account = await signUpUser();
    const value = await encode({
      token: { sub: account.user.id, sv: 0 },
      secret: requireSecret('NEXTAUTH_SECRET'),
    });
    expect(await meStatus(`next-auth.session-token=${value}`)).toBe(401);
  });

  it(`notices a session deleted by another server process within ${CHECK_TTL_MS / 1000} s`, async () => {
    const account = await signUpUser();
    const claims = (await decodeSession(account.cookie.split('=')[1]!))!;
    const now = Date.now();
    expect(await sessionIsLive(claims, now)).toBe(true);
    // Another process deletes the record: this one's cache does not know yet.
    await (await getStore()).deleteSession({ userId: account.user.id, id: claims.sid! });
    expect(await sessionIsLive(claims, now + CHECK_TTL_MS)).toBe(false);
  });
});
