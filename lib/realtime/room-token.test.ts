import { describe, expect, it } from 'vitest';

import { mintRoomToken, roomAudience, verifyRoomToken } from './room-token';

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
});
