import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { mintRoomToken } from '@/lib/realtime/room-token';
import {
  TEST_PARTY_SECRET,
  TEST_ROOM_TOKEN_KEY,
  connectRoom,
  partykitPerFile,
} from '@/test/partykit';

const party = partykitPerFile();

const roomUrl = (room: string, token?: string) =>
  `ws://${party.host}/parties/main/${room}?_pk=${crypto.randomUUID()}${token ? `&token=${encodeURIComponent(token)}` : ''}`;

const connect = connectRoom;

const token = (room: string, opts: { key?: string; ttlSeconds?: number; now?: Date } = {}) =>
  mintRoomToken({
    userId: 'u_ana',
    party: 'main',
    roomId: room,
    key: opts.key ?? TEST_ROOM_TOKEN_KEY,
    ttlSeconds: opts.ttlSeconds,
    now: opts.now,
  }).then((t) => t.token);

describe('inbox room auth', () => {
  it('lets a valid token in and greets with the verified user id', async () => {
    const { ws, next } = await connect(roomUrl('u_ana', await token('u_ana')));
    expect(await next()).toEqual({ type: 'welcome', v: 1, userId: 'u_ana' });
    ws.close();
  });

  it('refuses a connection without a token', async () => {
    await expect(connect(roomUrl('u_ana'))).rejects.toThrow('refused 401');
  });

  it('refuses an expired token', async () => {
    const expired = await token('u_ana', { ttlSeconds: 60, now: new Date(Date.now() - 3600_000) });
    await expect(connect(roomUrl('u_ana', expired))).rejects.toThrow('refused 401');
  });

  it('refuses a forged token (signed with another key)', async () => {
    const forged = await token('u_ana', { key: 'not-the-room-token-key-'.padEnd(40, 'z') });
    await expect(connect(roomUrl('u_ana', forged))).rejects.toThrow('refused 401');
  });

  it('refuses an unsigned token', async () => {
    const none = `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ sub: 'u_ana', aud: 'main/u_ana' }))}.`;
    await expect(connect(roomUrl('u_ana', none))).rejects.toThrow('refused 401');
  });

  it('refuses a token minted for another room', async () => {
    await expect(connect(roomUrl('u_ana', await token('u_ben')))).rejects.toThrow('refused 401');
  });

  it('refuses a token without a subject', async () => {
    const key = new TextEncoder().encode(TEST_ROOM_TOKEN_KEY);
    const anon = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('main/u_ana')
      .setIssuer('parley')
      .setExpirationTime('5m')
      .sign(key);
    await expect(connect(roomUrl('u_ana', anon))).rejects.toThrow('refused 401');
  });
});

describe('inbox room frames', () => {
  it('answers a malformed frame with an error frame and keeps serving', async () => {
    const { ws, next } = await connect(roomUrl('u_ana', await token('u_ana')));
    await next(); // welcome
    ws.send('not json');
    expect(await next()).toMatchObject({ type: 'error', code: 'bad_frame' });
    ws.send(JSON.stringify({ type: 'shout', text: 'hi' }));
    expect(await next()).toMatchObject({ type: 'error', code: 'bad_frame' });
    ws.send(JSON.stringify({ type: 'ping', at: 42 }));
    expect(await next()).toEqual({ type: 'pong', at: 42 });
    ws.close();
  });
});

describe('publishing to a room', () => {
  const publish = (room: string, body: unknown, secret?: string) =>
    fetch(`http://${party.host}/parties/main/${room}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const event = {
    type: 'user.updated',
    user: { id: 'u_ana', name: 'Ana', image: null, statusText: 'hi' },
  };

  it('refuses a publish without the server secret, or with a wrong one', async () => {
    expect((await publish('u_ana', { events: [event] })).status).toBe(401);
    expect((await publish('u_ana', { events: [event] }, 'wrong'.padEnd(40, 'w'))).status).toBe(401);
  });

  it('refuses an invalid publish body', async () => {
    expect(
      (await publish('u_ana', { events: [{ type: 'bogus' }] }, TEST_PARTY_SECRET)).status,
    ).toBe(422);
  });

  it("delivers a published event to the room's sockets", async () => {
    const { ws, next } = await connect(roomUrl('u_ana', await token('u_ana')));
    await next();
    const res = await publish('u_ana', { events: [event] }, TEST_PARTY_SECRET);
    expect(res.status).toBe(200);
    expect(await next()).toEqual({ type: 'event', event });
    ws.close();
  });
});

describe('the sockets room', () => {
  const sockets = async () => {
    const res = await fetch(`http://${party.host}/parties/main/_sockets`, {
      headers: { authorization: `Bearer ${TEST_PARTY_SECRET}` },
    });
    return ((await res.json()) as { sockets: number }).sockets;
  };

  it('counts the tabs connected to inbox rooms, as each room reports them', async () => {
    // The earlier tests' sockets were closed without waiting for their rooms to report it:
    // wait until every one has (workerd can take seconds to see a close), then count from zero.
    await expect.poll(sockets, { timeout: 15_000 }).toBe(0);
    // A report follows a connect or close by a room-to-room request; give a loaded machine time.
    const settle = { timeout: 10_000 };
    const a = await connect(roomUrl('u_ana', await token('u_ana')));
    const b = await connect(roomUrl('u_ana', await token('u_ana')));
    await a.next();
    await b.next();
    await expect.poll(sockets, settle).toBe(2);
    a.ws.close();
    await expect.poll(sockets, settle).toBe(1);
    b.ws.close();
    await expect.poll(sockets, settle).toBe(0);
  }, 30_000);

  it('needs the server secret, and a socket is closed at once even with a token naming it', async () => {
    const res = await fetch(`http://${party.host}/parties/main/_sockets`);
    expect(res.status).toBe(401);
    // Next.js never mints one (inbox tokens name the holder's own id); a forged-by-key one is
    // still closed by the room itself.
    const socket = await connect(roomUrl('_sockets', await token('_sockets')));
    expect((await socket.closed).code).toBe(1008);
    expect(await socket.drain(0)).toEqual([]);
  });
});
