import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { env } from '@/lib/env';
import { mintRoomToken } from '@/lib/realtime/room-token';

import {
  mintUnsubscribeToken,
  UNSUBSCRIBE_PURPOSE,
  UNSUBSCRIBE_TTL_SECONDS,
  verifyUnsubscribeToken,
} from './unsubscribe-token';

const DAY = 86_400_000;

describe('unsubscribe tokens', () => {
  it('verify to the person they were minted for', async () => {
    const token = await mintUnsubscribeToken({ userId: 'usr_1' });
    expect(await verifyUnsubscribeToken(token)).toEqual({ ok: true, userId: 'usr_1' });
  });

  it('stay valid for a year, then expire', async () => {
    const now = new Date();
    const token = await mintUnsubscribeToken({ userId: 'usr_1', now });
    expect(UNSUBSCRIBE_TTL_SECONDS).toBe(365 * 86_400);
    expect(
      await verifyUnsubscribeToken(token, { now: new Date(now.getTime() + 364 * DAY) }),
    ).toEqual({ ok: true, userId: 'usr_1' });
    expect(
      await verifyUnsubscribeToken(token, { now: new Date(now.getTime() + 366 * DAY) }),
    ).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a token signed with another key', async () => {
    const forged = await mintUnsubscribeToken({
      userId: 'usr_1',
      key: new TextEncoder().encode('an attacker key that is long enough!!'),
    });
    expect(await verifyUnsubscribeToken(forged)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a token signed with NEXTAUTH_SECRET itself (keys are derived per purpose)', async () => {
    const raw = await new SignJWT({ purpose: UNSUBSCRIBE_PURPOSE })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_1')
      .setIssuer('parley')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(env.NEXTAUTH_SECRET));
    expect(await verifyUnsubscribeToken(raw)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a token for another purpose', async () => {
    const other = await mintUnsubscribeToken({ userId: 'usr_1', purpose: 'password-reset' });
    expect(await verifyUnsubscribeToken(other)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a room token, an altered token, garbage and nothing', async () => {
    const { token: room } = await mintRoomToken({
      userId: 'usr_1',
      party: 'main',
      roomId: 'usr_1',
      key: env.ROOM_TOKEN_KEY!,
    });
    const good = await mintUnsubscribeToken({ userId: 'usr_1' });
    const [header, , signature] = good.split('.');
    const altered = `${header}.${Buffer.from(JSON.stringify({ sub: 'usr_2', purpose: UNSUBSCRIBE_PURPOSE, iss: 'parley', exp: 9e9 })).toString('base64url')}.${signature}`;
    for (const token of [room, altered, 'not-a-token', '', null, undefined])
      expect(await verifyUnsubscribeToken(token)).toEqual({ ok: false, reason: 'invalid' });
  });
});
