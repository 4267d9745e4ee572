import { createHmac } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { iceServersResponseSchema } from '@/lib/calls/ice-servers';
import { env } from '@/lib/env';
import {
  expectError,
  expectRetryAfter,
  getRequest,
  signUpUser,
  withCookie,
  type TestAccount,
} from '@/test/api';

import { GET } from './route';

const CALL_ENV = [
  'ICE_STUN_URLS',
  'TURN_URLS',
  'TURN_SECRET',
  'TURN_USERNAME',
  'TURN_CREDENTIAL',
  'TURN_TTL_SECONDS',
] as const;
const saved = Object.fromEntries(CALL_ENV.map((k) => [k, env[k]]));

/** `env` is parsed once at start; tests set the parsed values directly, then restore them. */
function configure(values: Partial<Pick<typeof env, (typeof CALL_ENV)[number]>>) {
  Object.assign(env, values);
}
afterEach(() => {
  Object.assign(env, saved);
});

async function iceServers(account: TestAccount) {
  const res = await GET(getRequest('/calls/ice-servers', withCookie(account.cookie)));
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return iceServersResponseSchema.strict().parse(await res.json());
}

describe('GET /api/v1/calls/ice-servers', () => {
  it('answers no servers when nothing is configured (one machine, one LAN)', async () => {
    expect(await iceServers(await signUpUser())).toEqual({ iceServers: [] });
  });

  it('lists the configured STUN servers', async () => {
    configure({ ICE_STUN_URLS: 'stun:stun.example.org:3478, stuns:stun.example.org' });
    expect(await iceServers(await signUpUser())).toEqual({
      iceServers: [{ urls: ['stun:stun.example.org:3478', 'stuns:stun.example.org'] }],
    });
  });

  it('mints short-lived TURN credentials with the shared secret (TURN REST API)', async () => {
    configure({
      ICE_STUN_URLS: 'stun:stun.example.org',
      TURN_URLS: 'turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349',
      TURN_SECRET: 'coturn-static-auth-secret',
      TURN_TTL_SECONDS: 3600,
    });
    const account = await signUpUser();
    const before = Math.floor(Date.now() / 1000);
    const body = await iceServers(account);
    expect(body.ttlSeconds).toBe(3600);
    const turn = body.iceServers[1]!;
    expect(turn.urls).toEqual([
      'turn:turn.example.org:3478?transport=udp',
      'turns:turn.example.org:5349',
    ]);
    const [expiry, userId] = turn.username!.split(':');
    expect(userId).toBe(account.user.id);
    expect(Number(expiry) - before).toBeGreaterThanOrEqual(3600);
    expect(Number(expiry) - before).toBeLessThanOrEqual(3601);
    // What the TURN server computes from the same secret to check the password.
    const expected = createHmac('sha1', 'coturn-static-auth-secret')
      .update(turn.username!)
      .digest('base64');
    expect(turn.credential).toBe(expected);
  });

  it('hands out static TURN credentials when there is no secret', async () => {
    configure({ TURN_URLS: 'turn:relay.example.org', TURN_USERNAME: 'u', TURN_CREDENTIAL: 'p' });
    expect(await iceServers(await signUpUser())).toEqual({
      iceServers: [{ urls: ['turn:relay.example.org'], username: 'u', credential: 'p' }],
    });
  });

  it('leaves out TURN servers it has no credentials for', async () => {
    configure({ TURN_URLS: 'turn:relay.example.org', TURN_USERNAME: 'only-a-name' });
    expect(await iceServers(await signUpUser())).toEqual({ iceServers: [] });
  });

  it('answers 401 when signed out', async () => {
    await expectError(await GET(getRequest('/calls/ice-servers')), 401, 'unauthorized');
  });

  it('answers 429 with Retry-After after 30 requests in a minute', async () => {
    const account = await signUpUser();
    for (let i = 0; i < 30; i++) await iceServers(account);
    const res = await GET(getRequest('/calls/ice-servers', withCookie(account.cookie)));
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });
});
