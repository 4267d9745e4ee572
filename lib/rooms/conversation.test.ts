import { describe, expect, it } from 'vitest';

import type { RoomEvent, ServerFrame } from '@/lib/realtime/protocol';
import { createRoomWorld, type RoomWorld } from '@/test/room-host';

import { CLOCK_SKEW_MS, REMOVAL_MEMORY_MS, TYPING_MIN_INTERVAL_MS } from './conversation';
import { SOCKETS_ROOM } from './sockets';

const isTyping = (f: ServerFrame) => f.type === 'typing';

async function join(world: RoomWorld, userId: string, issuedAt?: number) {
  const connection = await world.connect('conversation', 'c_1', {
    userId,
    ...(issuedAt === undefined ? {} : { issuedAt }),
  });
  return connection;
}

const publish = (world: RoomWorld, events: RoomEvent[], recipients: string[]) =>
  world.call('conversation', 'c_1', { method: 'POST', body: { events, recipients } });

const message = (seq: number): RoomEvent => ({
  type: 'read.updated',
  conversationId: 'c_1',
  userId: 'u_ana',
  lastReadSeq: seq,
});
const removed = (userId: string): RoomEvent => ({
  type: 'member.removed',
  conversationId: 'c_1',
  userIds: [userId],
});

describe('conversation room: typing', () => {
  it('relays typing to the others, not to the sender’s own tabs', async () => {
    const world = createRoomWorld();
    const [ana1, ana2, ben] = [
      await join(world, 'u_ana'),
      await join(world, 'u_ana'),
      await join(world, 'u_ben'),
    ];
    expect(ana1.take()).toEqual([{ type: 'welcome', v: 1, userId: 'u_ana' }]);
    ana2.take();
    ben.take();
    await ana1.receive({ type: 'typing', state: 'start' });
    expect(ben.take()).toEqual([{ type: 'typing', userId: 'u_ana', state: 'start' }]);
    expect([...ana1.take(), ...ana2.take()]).toEqual([]);
  });

  it('drops typing that comes too fast, says so once, and lets the ending stop through', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    const ben = await join(world, 'u_ben');
    ana.take();
    ben.take();
    for (let i = 0; i < 4; i++) await ana.receive({ type: 'typing', state: 'start' });
    expect(ana.take()).toEqual([
      { type: 'error', code: 'rate_limited', message: 'typing frames come too fast' },
    ]);
    await ana.receive({ type: 'typing', state: 'stop' });
    expect(ben.take().filter(isTyping)).toEqual([
      { type: 'typing', userId: 'u_ana', state: 'start' },
      { type: 'typing', userId: 'u_ana', state: 'stop' },
    ]);
    world.advance(TYPING_MIN_INTERVAL_MS);
    await ana.receive({ type: 'typing', state: 'start' });
    expect(ben.take()).toEqual([{ type: 'typing', userId: 'u_ana', state: 'start' }]);
  });

  it('answers presence.set with unsupported', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    ana.take();
    await ana.receive({ type: 'presence.set', state: 'away' });
    expect(ana.take()).toMatchObject([{ type: 'error', code: 'unsupported' }]);
  });
});

describe('conversation room: live read receipts', () => {
  const readBy = (userId: string, lastReadSeq: number) => ({
    type: 'event',
    event: { type: 'read.updated', conversationId: 'c_1', userId, lastReadSeq },
  });

  it('relays a read position to everyone else looking, the sender’s other tabs included', async () => {
    const world = createRoomWorld();
    const [ana1, ana2, ben] = [
      await join(world, 'u_ana'),
      await join(world, 'u_ana'),
      await join(world, 'u_ben'),
    ];
    for (const c of [ana1, ana2, ben]) c.take();
    await ana1.receive({ type: 'read', seq: 7 });
    expect(ben.take()).toEqual([readBy('u_ana', 7)]);
    expect(ana2.take()).toEqual([readBy('u_ana', 7)]);
    expect(ana1.take()).toEqual([]);
  });

  it('relays only forward moves, at most one per interval', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    const ben = await join(world, 'u_ben');
    ana.take();
    ben.take();
    await ana.receive({ type: 'read', seq: 5 });
    await ana.receive({ type: 'read', seq: 6 }); // too soon after 5
    expect(ben.take()).toEqual([readBy('u_ana', 5)]);
    world.advance(TYPING_MIN_INTERVAL_MS);
    await ana.receive({ type: 'read', seq: 4 });
    await ana.receive({ type: 'read', seq: 5 });
    expect(ben.take()).toEqual([]);
    await ana.receive({ type: 'read', seq: 9 });
    expect(ben.take()).toEqual([readBy('u_ana', 9)]);
    expect(ana.take()).toEqual([]);
  });

  it('relays nothing from someone removed', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    const ben = await join(world, 'u_ben');
    await publish(world, [removed('u_ana')], []);
    ana.take();
    ben.take();
    await ana.receive({ type: 'read', seq: 3 });
    expect(ben.take()).toEqual([]);
  });
});

describe('conversation room: publishing', () => {
  it('answers a publish with who is looking after it (the removed no longer count)', async () => {
    const world = createRoomWorld();
    await join(world, 'u_ana');
    await join(world, 'u_ana');
    await join(world, 'u_ben');
    expect(await publish(world, [message(1)], [])).toEqual({
      status: 200,
      body: { delivered: 0, deliveries: 0, viewers: ['u_ana', 'u_ben'] },
    });
    expect((await publish(world, [removed('u_ben')], [])).body).toEqual({
      delivered: 0,
      deliveries: 0,
      viewers: ['u_ana'],
    });
  });

  it('forwards events to each recipient’s inbox room once, and counts who was reached', async () => {
    const world = createRoomWorld();
    const inbox = await world.connect('main', 'u_ben', { userId: 'u_ben' });
    const inboxTab2 = await world.connect('main', 'u_ben', { userId: 'u_ben' });
    inbox.take();
    world.down.add('main/u_cy');
    // Ben's inbox room reached (1 of 2), and the frames it sent: 2 events to his 2 tabs.
    expect(await publish(world, [message(1), message(2)], ['u_ben', 'u_ben', 'u_cy'])).toEqual({
      status: 200,
      body: { delivered: 1, deliveries: 4, viewers: [] },
    });
    expect(inbox.take()).toEqual([
      { type: 'event', event: message(1) },
      { type: 'event', event: message(2) },
    ]);
    expect(inboxTab2.take()).toHaveLength(3); // welcome + the two events
    const forwards = world.requests.filter((r) => r.party === 'main' && r.roomId !== SOCKETS_ROOM);
    expect(forwards.map((r) => r.roomId)).toEqual(['u_ben', 'u_cy']);
  });

  it('tells who is looking, one entry per person', async () => {
    const world = createRoomWorld();
    await join(world, 'u_ana');
    await join(world, 'u_ana');
    await join(world, 'u_ben');
    expect(await world.call('conversation', 'c_1', { method: 'GET' })).toEqual({
      status: 200,
      body: { viewers: ['u_ana', 'u_ben'] },
    });
  });

  it('forwards call.ended to the call’s room, which then refuses everyone', async () => {
    const world = createRoomWorld();
    const ended: RoomEvent = {
      type: 'call.ended',
      conversationId: 'c_1',
      callId: 'call_1',
      outcome: 'completed',
      durationMs: 1000,
    };
    await publish(world, [ended], ['u_ana']);
    const late = await world.connect('call', 'call_1', { userId: 'u_ana' });
    expect(late.take()).toMatchObject([{ type: 'error', code: 'call_ended' }]);
    expect(late.closed).toEqual({ code: 4003, reason: 'call_ended' });
  });

  it('refuses publishes without the secret or with a bad body', async () => {
    const world = createRoomWorld();
    const noSecret = await world.call('conversation', 'c_1', { method: 'GET', secret: null });
    expect(noSecret.status).toBe(401);
    expect((await publish(world, [], ['u_ana'])).status).toBe(422);
    const badRecipient = await publish(world, [message(1)], ['../u_ana']);
    expect(badRecipient.status).toBe(422);
  });
});

describe('conversation room: removed members (#17 finding 10)', () => {
  it('closes the removed person’s sockets when their removal is published', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    const cy = await join(world, 'u_cy');
    ana.take();
    cy.take();
    await publish(world, [removed('u_cy')], ['u_ana', 'u_cy']);
    expect(cy.take()).toMatchObject([{ type: 'error', code: 'removed' }]);
    expect(cy.closed).toEqual({ code: 4003, reason: 'removed' });
    expect(ana.closed).toBeNull();
    await ana.receive({ type: 'typing', state: 'start' });
    expect(cy.take()).toEqual([]);
    expect(await world.call('conversation', 'c_1', { method: 'GET' })).toMatchObject({
      body: { viewers: ['u_ana'] },
    });
  });

  it('forwards the removal itself to them, and nothing after it', async () => {
    const world = createRoomWorld();
    const inbox = await world.connect('main', 'u_cy', { userId: 'u_cy' });
    inbox.take();
    await publish(world, [removed('u_cy')], ['u_ana', 'u_cy']);
    // Even if a stale recipient list still names them.
    await publish(world, [message(2)], ['u_ana', 'u_cy']);
    expect(inbox.take()).toEqual([{ type: 'event', event: removed('u_cy') }]);
  });

  it('refuses a token issued before the removal, even within the clock skew', async () => {
    const world = createRoomWorld();
    const before = Math.floor(world.now() / 1000);
    world.advance(2000);
    await publish(world, [removed('u_cy')], ['u_cy']);
    const stale = await join(world, 'u_cy', before);
    expect(stale.take()).toMatchObject([{ type: 'error', code: 'removed' }]);
    expect(stale.closed).toEqual({ code: 4003, reason: 'removed' });
    const skewed = await join(world, 'u_cy', Math.floor((world.now() + CLOCK_SKEW_MS) / 1000));
    expect(skewed.closed).toMatchObject({ reason: 'removed' });
  });

  it('lets them back in once added again, or with a token minted after the removal', async () => {
    const world = createRoomWorld();
    await publish(world, [removed('u_cy')], ['u_cy']);
    await publish(
      world,
      [{ type: 'member.added', conversationId: 'c_1', userIds: ['u_cy'] }],
      ['u_cy'],
    );
    const back = await join(world, 'u_cy', Math.floor(world.now() / 1000));
    expect(back.take()).toEqual([{ type: 'welcome', v: 1, userId: 'u_cy' }]);

    await publish(world, [removed('u_dee')], ['u_dee']);
    world.advance(CLOCK_SKEW_MS + 1000);
    const fresh = await join(world, 'u_dee');
    expect(fresh.closed).toBeNull();
    expect(world.storage('conversation', 'c_1').get('removed')).toBeUndefined();
  });

  it('reads its storage once, not on every publish, and again after hibernation', async () => {
    const world = createRoomWorld();
    for (let seq = 1; seq <= 5; seq++) await publish(world, [message(seq)], ['u_ana']);
    expect(world.storageReads('conversation', 'c_1')).toBe(1);
    await publish(world, [removed('u_cy')], ['u_cy']);
    world.hibernate('conversation', 'c_1');
    const toCy = () => world.requests.filter((r) => r.roomId === 'u_cy').length;
    const before = toCy();
    await publish(world, [message(6)], ['u_cy']);
    expect(world.storageReads('conversation', 'c_1')).toBe(2);
    // The removal came back from storage: nothing more goes to the removed person.
    expect(toCy()).toBe(before);
  });

  it('remembers a removal through hibernation, and forgets it once its tokens expired', async () => {
    const world = createRoomWorld();
    const before = Math.floor(world.now() / 1000);
    await publish(world, [removed('u_cy')], ['u_cy']);
    world.hibernate('conversation', 'c_1');
    expect((await join(world, 'u_cy', before)).closed).toMatchObject({ reason: 'removed' });
    const alarm = world.alarmAt('conversation', 'c_1');
    expect(alarm).toBe(world.now() + REMOVAL_MEMORY_MS);
    world.advance(REMOVAL_MEMORY_MS - 1);
    expect(await world.fireAlarm('conversation', 'c_1')).toBe(false);
    world.advance(1);
    expect(await world.fireAlarm('conversation', 'c_1')).toBe(true);
    expect(world.storage('conversation', 'c_1').get('removed')).toBeUndefined();
    expect(world.alarmAt('conversation', 'c_1')).toBeNull();
  });
});
