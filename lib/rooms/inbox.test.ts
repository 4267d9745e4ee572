import { describe, expect, it } from 'vitest';

import type { ServerFrame } from '@/lib/realtime/protocol';
import { createRoomWorld, type FakeConnection } from '@/test/room-host';

import { PRESENCE_RULE } from './presence';

type PresenceFrame = Extract<ServerFrame, { type: 'presence' }>;
const presenceOf = (connection: FakeConnection) =>
  connection.take().filter((f): f is PresenceFrame => f.type === 'presence');

/** Ana and Ben, each with one inbox tab whose token names the other. */
async function pair() {
  const world = createRoomWorld();
  const ben = await world.connect('main', 'u_ben', { userId: 'u_ben', contacts: ['u_ana'] });
  const ana = await world.connect('main', 'u_ana', { userId: 'u_ana', contacts: ['u_ben'] });
  ben.take();
  ana.take();
  return { world, ana, ben };
}

describe('inbox room: presence', () => {
  it('welcomes a tab and sends it its contacts’ status', async () => {
    const world = createRoomWorld();
    const ben = await world.connect('main', 'u_ben', { userId: 'u_ben', contacts: ['u_ana'] });
    expect(ben.take()).toEqual([
      { type: 'welcome', v: 1, userId: 'u_ben' },
      { type: 'presence', users: [{ userId: 'u_ana', status: 'offline', lastSeenAt: null }] },
    ]);
  });

  it('announces online, away and offline (with lastSeenAt) to contacts, once each', async () => {
    const { world, ana, ben } = await pair();
    await ana.receive({ type: 'presence.set', state: 'away' });
    await ana.receive({ type: 'presence.set', state: 'away' });
    expect(presenceOf(ben)).toEqual([
      { type: 'presence', users: [{ userId: 'u_ana', status: 'away', lastSeenAt: null }] },
    ]);
    world.advance(1000);
    await ana.disconnect();
    expect(presenceOf(ben)).toEqual([
      {
        type: 'presence',
        users: [{ userId: 'u_ana', status: 'offline', lastSeenAt: world.now() }],
      },
    ]);
  });

  it('counts several tabs once: online while any is active', async () => {
    const { world, ana, ben } = await pair();
    const anaTab2 = await world.connect('main', 'u_ana', { userId: 'u_ana', contacts: ['u_ben'] });
    await ana.receive({ type: 'presence.set', state: 'away' });
    await ana.disconnect();
    expect(presenceOf(ben)).toEqual([]);
    await anaTab2.disconnect();
    expect(presenceOf(ben)).toMatchObject([{ users: [{ userId: 'u_ana', status: 'offline' }] }]);
  });

  it('tells a tab only about people its token names', async () => {
    const world = createRoomWorld();
    const ben = await world.connect('main', 'u_ben', { userId: 'u_ben', contacts: [] });
    await world.connect('main', 'u_ana', { userId: 'u_ana', contacts: ['u_ben'] });
    expect(presenceOf(ben)).toEqual([]);
  });

  it('throttles a flood of presence.set: contacts hear a few changes, the sender one notice', async () => {
    const { ana, ben } = await pair();
    for (let i = 0; i < 1000; i++)
      await ana.receive({ type: 'presence.set', state: i % 2 === 0 ? 'away' : 'active' });
    expect(presenceOf(ben)).toHaveLength(PRESENCE_RULE.capacity);
    expect(ana.take()).toEqual([
      { type: 'error', code: 'rate_limited', message: 'presence changes come too fast' },
    ]);
  });

  it('applies the last change of a burst once a token is back, on the next frame', async () => {
    const { world, ana, ben } = await pair();
    for (let i = 0; i < PRESENCE_RULE.capacity; i++)
      await ana.receive({ type: 'presence.set', state: i % 2 === 0 ? 'away' : 'active' });
    // capacity is even: Ana is online again; this change is refused and kept.
    await ana.receive({ type: 'presence.set', state: 'away' });
    ben.take();
    // The pending change lives in connection state: hibernation does not lose it.
    world.hibernate('main', 'u_ana');
    world.advance(1000 / PRESENCE_RULE.perSecond);
    await ana.receive({ type: 'ping', at: 1 });
    expect(ana.take()).toContainEqual({ type: 'pong', at: 1 });
    expect(presenceOf(ben)).toEqual([
      { type: 'presence', users: [{ userId: 'u_ana', status: 'away', lastSeenAt: null }] },
    ]);
  });

  it('drops a pending change that the tab took back', async () => {
    const { world, ana, ben } = await pair();
    for (let i = 0; i < PRESENCE_RULE.capacity; i++)
      await ana.receive({ type: 'presence.set', state: i % 2 === 0 ? 'away' : 'active' });
    await ana.receive({ type: 'presence.set', state: 'away' });
    await ana.receive({ type: 'presence.set', state: 'active' });
    ben.take();
    world.advance(1000 / PRESENCE_RULE.perSecond);
    await ana.receive({ type: 'ping', at: 1 });
    expect(presenceOf(ben)).toEqual([]);
  });

  it('answers typing with unsupported and a bad frame with bad_frame', async () => {
    const { ana } = await pair();
    await ana.receive({ type: 'typing', state: 'start' });
    await ana.receive({ type: 'shout' });
    expect(ana.take()).toMatchObject([
      { type: 'error', code: 'unsupported' },
      { type: 'error', code: 'bad_frame' },
    ]);
  });
});

describe('inbox room: requests', () => {
  const event = { type: 'conversation.updated', conversationId: 'c_1' } as const;

  it('broadcasts published events to every tab', async () => {
    const { world, ana } = await pair();
    const anaTab2 = await world.connect('main', 'u_ana', { userId: 'u_ana' });
    anaTab2.take();
    expect(
      await world.call('main', 'u_ana', { method: 'POST', body: { events: [event] } }),
    ).toEqual({ status: 200, body: { delivered: 1, sockets: 2, deliveries: 2 } });
    expect(ana.take()).toEqual([{ type: 'event', event }]);
    expect(anaTab2.take()).toEqual([{ type: 'event', event }]);
  });

  it('refuses requests without the server secret, bad bodies and unknown paths', async () => {
    const world = createRoomWorld();
    expect((await world.call('main', 'u_a', { method: 'GET', secret: null })).status).toBe(401);
    expect((await world.call('main', 'u_a', { method: 'GET', secret: 'wrong' })).status).toBe(401);
    expect((await world.call('main', 'u_a', { method: 'POST', body: { events: [] } })).status).toBe(
      422,
    );
    expect((await world.call('main', 'u_a', { method: 'POST' })).status).toBe(400);
    expect((await world.call('main', 'u_a', { method: 'GET', path: '/nope' })).status).toBe(404);
    expect((await world.call('main', 'u_a', { method: 'DELETE' })).status).toBe(405);
  });

  it('answers the owner’s status and counts connections', async () => {
    const { world } = await pair();
    expect(await world.call('main', 'u_ana', { method: 'GET', path: '/presence' })).toEqual({
      status: 200,
      body: { userId: 'u_ana', status: 'online', lastSeenAt: null },
    });
    expect(await world.call('main', 'u_ana', { method: 'GET' })).toEqual({
      status: 200,
      body: { connections: 1 },
    });
  });
});
