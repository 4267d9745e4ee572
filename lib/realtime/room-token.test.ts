import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { MAX_PRESENCE_CONTACTS, mintRoomToken, roomAudience, verifyRoomToken } from './room-token';

const key = 'k'.repeat(40);

describe('room tokens', () => {
  it('round-trips the user id for the room it was minted for', async () => {
    const { token, expiresAt } = await mintRoomToken({
      userId: 'u_1',
      party: 'main',
      roomId: 'u_1',
      key,
    });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(await verifyRoomToken({ token, party: 'main', roomId: 'u_1', key })).toEqual({
      ok: true,
      userId: 'u_1',
      contacts: [],
      issuedAt: expect.any(Number),
    });
  });

  it('lives ten minutes for inbox and conversation rooms, one minute for call rooms', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const ttl = async (party: 'main' | 'conversation' | 'call') =>
      ((
        await mintRoomToken({ userId: 'u_1', party, roomId: 'r_1', key, now })
      ).expiresAt.getTime() -
        now.getTime()) /
      1000;
    expect(await ttl('main')).toBe(600);
    expect(await ttl('conversation')).toBe(600);
    expect(await ttl('call')).toBe(60);
  });

  it('answers when it was issued, and refuses a token without `iat`', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { token } = await mintRoomToken({
      userId: 'u_1',
      party: 'call',
      roomId: 'r_1',
      key,
      now,
    });
    const verified = await verifyRoomToken({ token, party: 'call', roomId: 'r_1', key });
    expect(verified).toMatchObject({ ok: true, issuedAt: now.getTime() / 1000 });
    const noIat = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u_1')
      .setAudience('call/r_1')
      .setIssuer('parley')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(key));
    expect(await verifyRoomToken({ token: noIat, party: 'call', roomId: 'r_1', key })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('names the audience after party and room', () => {
    expect(roomAudience('main', 'c_9')).toBe('main/c_9');
  });

  it('fails for another room, another key, expiry, garbage and absence', async () => {
    const { token } = await mintRoomToken({ userId: 'u_1', party: 'main', roomId: 'u_1', key });
    expect(await verifyRoomToken({ token, party: 'main', roomId: 'u_2', key })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      await verifyRoomToken({ token, party: 'main', roomId: 'u_1', key: 'x'.repeat(40) }),
    ).toEqual({ ok: false, reason: 'invalid' });
    const old = await mintRoomToken({
      userId: 'u_1',
      party: 'main',
      roomId: 'u_1',
      key,
      ttlSeconds: 5,
      now: new Date(Date.now() - 60_000),
    });
    expect(await verifyRoomToken({ token: old.token, party: 'main', roomId: 'u_1', key })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await verifyRoomToken({ token: 'a.b.c', party: 'main', roomId: 'u_1', key })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verifyRoomToken({ token: null, party: 'main', roomId: 'u_1', key })).toEqual({
      ok: false,
      reason: 'missing',
    });
  });

  describe('contacts claim', () => {
    const verify = (token: string) => verifyRoomToken({ token, party: 'main', roomId: 'u_1', key });
    /** Signs arbitrary claims the way mintRoomToken would, to reach verify's own checks. */
    const signRaw = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u_1')
        .setAudience('main/u_1')
        .setIssuer('parley')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(key));

    it('round-trips contacts, without duplicates or the holder', async () => {
      const { token } = await mintRoomToken({
        userId: 'u_1',
        party: 'main',
        roomId: 'u_1',
        key,
        claims: { contacts: ['u_2', 'u_3', 'u_2', 'u_1'] },
      });
      expect(await verify(token)).toMatchObject({
        ok: true,
        userId: 'u_1',
        contacts: ['u_2', 'u_3'],
      });
    });

    it('keeps only the first MAX_PRESENCE_CONTACTS when minting', async () => {
      const many = Array.from({ length: MAX_PRESENCE_CONTACTS + 5 }, (_, i) => `u_c${i}`);
      const { token } = await mintRoomToken({
        userId: 'u_1',
        party: 'main',
        roomId: 'u_1',
        key,
        claims: { contacts: many },
      });
      const result = await verify(token);
      expect(result.ok && result.contacts).toEqual(many.slice(0, MAX_PRESENCE_CONTACTS));
    });

    it('refuses to mint a contact id that is not a room id', async () => {
      await expect(
        mintRoomToken({
          userId: 'u_1',
          party: 'main',
          roomId: 'u_1',
          key,
          claims: { contacts: ['../u_2'] },
        }),
      ).rejects.toThrow();
    });

    it('rejects a signed token whose contacts claim is malformed or oversized', async () => {
      expect(await verify(await signRaw({ contacts: 'u_2' }))).toEqual({
        ok: false,
        reason: 'invalid',
      });
      expect(await verify(await signRaw({ contacts: [42] }))).toEqual({
        ok: false,
        reason: 'invalid',
      });
      const tooMany = Array.from({ length: MAX_PRESENCE_CONTACTS + 1 }, (_, i) => `u_c${i}`);
      expect(await verify(await signRaw({ contacts: tooMany }))).toEqual({
        ok: false,
        reason: 'invalid',
      });
    });

    it('reads an absent claim as no contacts', async () => {
      expect(await verify(await signRaw({}))).toMatchObject({
        ok: true,
        userId: 'u_1',
        contacts: [],
      });
    });
  });
});
