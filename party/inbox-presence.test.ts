import { describe, expect, it } from 'vitest';

import type { ServerFrame } from '@/lib/realtime/protocol';
import { mintRoomToken } from '@/lib/realtime/room-token';
import {
  TEST_PARTY_SECRET,
  TEST_ROOM_TOKEN_KEY,
  connectRoom,
  partykitPerFile,
} from '@/test/partykit';

const party = partykitPerFile();

type PresenceFrame = Extract<ServerFrame, { type: 'presence' }>;
const isPresence = (f: ServerFrame): f is PresenceFrame => f.type === 'presence';

/** Opens one tab of `userId`'s inbox with a token naming `contacts`, past its welcome frame. */
async function openTab(userId: string, contacts: string[]) {
  const { token } = await mintRoomToken({
    userId,
    party: 'main',
    roomId: userId,
    key: TEST_ROOM_TOKEN_KEY,
    claims: { contacts },
  });
  const socket = await connectRoom(
    `ws://${party.host}/parties/main/${userId}?_pk=${crypto.randomUUID()}&token=${encodeURIComponent(token)}`,
  );
  expect(await socket.next()).toEqual({ type: 'welcome', v: 1, userId });
  return socket;
}

/** Fresh ids per test: rooms (and their stored lastSeenAt) outlive a test. */
const pair = (name: string) => ({ a: `u_${name}_a`, b: `u_${name}_b` });

describe('inbox presence', () => {
  it("sends a joining tab its contacts' status", async () => {
    const { a, b } = pair('join');
    const bTab = await openTab(b, [a]);
    expect(await bTab.waitFor(isPresence)).toEqual({
      type: 'presence',
      users: [{ userId: a, status: 'offline', lastSeenAt: null }],
    });
    const aTab = await openTab(a, [b]);
    expect(await aTab.waitFor(isPresence)).toEqual({
      type: 'presence',
      users: [{ userId: b, status: 'online', lastSeenAt: null }],
    });
    // B hears A come online through A's room.
    expect(await bTab.waitFor(isPresence)).toEqual({
      type: 'presence',
      users: [{ userId: a, status: 'online', lastSeenAt: null }],
    });
    await Promise.all([aTab.close(), bTab.close()]);
  });

  it('counts several tabs of one person once, and announces offline with lastSeenAt', async () => {
    const { a, b } = pair('tabs');
    const aTab = await openTab(a, [b]);
    expect(await aTab.waitFor(isPresence)).toMatchObject({
      users: [{ userId: b, status: 'offline' }],
    });
    const bTab1 = await openTab(b, [a]);
    expect(await aTab.waitFor(isPresence)).toMatchObject({
      users: [{ userId: b, status: 'online' }],
    });
    const bTab2 = await openTab(b, [a]);
    await bTab1.close();
    // Neither the second tab opening nor one of two closing changes B's status.
    expect((await aTab.drain(500)).filter(isPresence)).toEqual([]);
    const before = Date.now();
    await bTab2.close();
    const offline = await aTab.waitFor(isPresence);
    expect(offline.users).toEqual([
      { userId: b, status: 'offline', lastSeenAt: expect.any(Number) },
    ]);
    const lastSeenAt = offline.users[0]?.lastSeenAt ?? 0;
    expect(lastSeenAt).toBeGreaterThanOrEqual(before - 1000);
    expect(lastSeenAt).toBeLessThanOrEqual(Date.now());
    // A tab opened later reads the same lastSeenAt from B's room.
    const aTab2 = await openTab(a, [b]);
    expect(await aTab2.waitFor(isPresence)).toEqual({
      type: 'presence',
      users: [{ userId: b, status: 'offline', lastSeenAt }],
    });
    await Promise.all([aTab.close(), aTab2.close()]);
  });

  it("shows away when the person's only tab says so, and online again when active", async () => {
    const { a, b } = pair('away');
    const bTab = await openTab(b, [a]);
    const aTab = await openTab(a, [b]);
    expect(await aTab.waitFor(isPresence)).toMatchObject({
      users: [{ userId: b, status: 'online' }],
    });
    bTab.ws.send(JSON.stringify({ type: 'presence.set', state: 'away' }));
    expect(await aTab.waitFor(isPresence)).toEqual({
      type: 'presence',
      users: [{ userId: b, status: 'away', lastSeenAt: null }],
    });
    bTab.ws.send(JSON.stringify({ type: 'presence.set', state: 'active' }));
    expect(await aTab.waitFor(isPresence)).toMatchObject({
      users: [{ userId: b, status: 'online' }],
    });
    await Promise.all([aTab.close(), bTab.close()]);
  });

  it('stays online while another tab is active', async () => {
    const { a, b } = pair('mixed');
    const aTab = await openTab(a, [b]);
    await aTab.waitFor(isPresence);
    const bTab1 = await openTab(b, [a]);
    const bTab2 = await openTab(b, [a]);
    expect(await aTab.waitFor(isPresence)).toMatchObject({
      users: [{ userId: b, status: 'online' }],
    });
    bTab1.ws.send(JSON.stringify({ type: 'presence.set', state: 'away' }));
    expect((await aTab.drain(500)).filter(isPresence)).toEqual([]);
    bTab2.ws.send(JSON.stringify({ type: 'presence.set', state: 'away' }));
    expect(await aTab.waitFor(isPresence)).toMatchObject({
      users: [{ userId: b, status: 'away' }],
    });
    await Promise.all([aTab.close(), bTab1.close(), bTab2.close()]);
  });

  it('does not tell a tab about someone its token does not name', async () => {
    const { a, b } = pair('stranger');
    const aTab = await openTab(a, []);
    const bTab = await openTab(b, [a]);
    expect((await aTab.drain(500)).filter(isPresence)).toEqual([]);
    await Promise.all([aTab.close(), bTab.close()]);
  });

  it('answers presence.set with nothing, and typing with unsupported', async () => {
    const { a } = pair('frames');
    const aTab = await openTab(a, []);
    aTab.ws.send(JSON.stringify({ type: 'presence.set', state: 'away' }));
    aTab.ws.send(JSON.stringify({ type: 'typing', state: 'start' }));
    expect(await aTab.next()).toMatchObject({ type: 'error', code: 'unsupported' });
    await aTab.close();
  });

  it('turns a flood of 1,000 presence.set frames into a few frames at a contact (#17 finding 9)', async () => {
    const { a, b } = pair('flood');
    const aTab = await openTab(a, [b]);
    await aTab.waitFor(isPresence);
    const bTab = await openTab(b, [a]);
    expect(await aTab.waitFor(isPresence)).toMatchObject({
      users: [{ userId: b, status: 'online' }],
    });
    for (let i = 0; i < 1000; i++)
      bTab.ws.send(
        JSON.stringify({ type: 'presence.set', state: i % 2 === 0 ? 'away' : 'active' }),
      );
    bTab.ws.send(JSON.stringify({ type: 'ping', at: 1 }));
    // The pong comes after every frame of the flood was handled.
    await bTab.waitFor((f): f is Extract<ServerFrame, { type: 'pong' }> => f.type === 'pong');
    expect((await bTab.drain(0)).filter((f) => f.type === 'error')).toMatchObject([
      { code: 'rate_limited' },
    ]);
    // Announcements leave B's room in order: once A hears B go offline, it heard all before.
    await bTab.close();
    const heard: PresenceFrame[] = [];
    for (;;) {
      const frame = await aTab.waitFor(isPresence);
      heard.push(frame);
      if (frame.users[0]?.status === 'offline') break;
    }
    // At most the bucket's four changes, and the offline at the end.
    expect(heard.length).toBeLessThanOrEqual(5);
    await aTab.close();
  });

  it('refuses the room-to-room presence path without the server secret', async () => {
    const url = `http://${party.host}/parties/main/u_secret/presence`;
    expect((await fetch(url)).status).toBe(401);
    const body = JSON.stringify({ userId: 'u_x', status: 'online', lastSeenAt: null });
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TEST_PARTY_SECRET}` } });
    expect(await ok.json()).toEqual({ userId: 'u_secret', status: 'offline', lastSeenAt: null });
  });
});
