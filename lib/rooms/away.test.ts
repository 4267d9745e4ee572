import { describe, expect, it } from 'vitest';

import type { RoomEvent } from '@/lib/realtime/protocol';
import { createRoomWorld, type RoomWorld } from '@/test/room-host';

import { RESUME_PATH, SKIP_FOR_MS, skipList } from './away';

const event = (seq: number): RoomEvent => ({
  type: 'read.updated',
  conversationId: 'c_1',
  userId: 'u_ana',
  lastReadSeq: seq,
});

const publish = (world: RoomWorld, seq: number, room = 'c_1') =>
  world.call('conversation', room, {
    method: 'POST',
    body: { events: [event(seq)], recipients: ['u_ana', 'u_ben'] },
  });

/** The inbox rooms a conversation room forwarded to, in order. */
const forwardsTo = (world: RoomWorld) =>
  world.requests
    .filter((r) => r.from.startsWith('conversation/') && r.party === 'main')
    .map((r) => r.roomId);
const resumes = (world: RoomWorld) =>
  world.requests.filter((r) => r.path === RESUME_PATH).map((r) => [r.roomId, r.body]);

describe('online-aware fan-out (#19)', () => {
  it('skips the inbox of someone with no tab after one forward, and counts it in the log', async () => {
    const world = createRoomWorld();
    const ana = await world.connect('main', 'u_ana', { userId: 'u_ana' });
    await publish(world, 1);
    await publish(world, 2);
    await publish(world, 3);
    // Ben's inbox heard the first one and said nobody is there; Ana's heard all three.
    expect(forwardsTo(world)).toEqual(['u_ana', 'u_ben', 'u_ana', 'u_ana']);
    expect(ana.take().filter((f) => f.type === 'event')).toHaveLength(3);
    const last = world.logs.filter((l) => l.msg === 'room publish').at(-1);
    expect(last?.fields).toMatchObject({ recipients: 1, skipped: 1, delivered: 1 });
  });

  it('resumes every room that skipped someone before greeting their new tab, which then hears all', async () => {
    const world = createRoomWorld();
    await publish(world, 1, 'c_1');
    await publish(world, 1, 'c_2');
    world.requests.length = 0;
    await publish(world, 2, 'c_1');
    expect(forwardsTo(world)).toEqual([]); // both away: nothing forwarded
    const ben = await world.connect('main', 'u_ben', { userId: 'u_ben' });
    // Both rooms were told to resume, and the welcome came after (the tab catches up then).
    expect(resumes(world)).toEqual([
      ['c_1', { userId: 'u_ben', epoch: 1 }],
      ['c_2', { userId: 'u_ben', epoch: 1 }],
    ]);
    expect(ben.take()[0]).toMatchObject({ type: 'welcome' });
    await publish(world, 3, 'c_1');
    expect(ben.take()).toEqual([{ type: 'event', event: event(3) }]);
    // A second tab, and a later one, find nothing left to resume.
    await world.connect('main', 'u_ben', { userId: 'u_ben' });
    expect(resumes(world)).toHaveLength(2);
  });

  it('forwards again once the last tab has closed, and skips only after hearing so', async () => {
    const world = createRoomWorld();
    const ben = await world.connect('main', 'u_ben', { userId: 'u_ben' });
    await publish(world, 1);
    await ben.disconnect();
    world.requests.length = 0;
    await publish(world, 2);
    await publish(world, 3);
    // Ana (never connected) is skipped since the first; Ben once more, to hear he has gone.
    expect(forwardsTo(world)).toEqual(['u_ben']);
  });

  it('a skip lapses after SKIP_FOR_MS, so a lost resume costs at most that long', async () => {
    const world = createRoomWorld();
    await publish(world, 1);
    world.down.add('conversation/c_1'); // the resume does not get through
    const ben = await world.connect('main', 'u_ben', { userId: 'u_ben' });
    world.down.clear();
    expect(world.logs.some((l) => l.msg === 'resume not answered')).toBe(true);
    ben.take();
    await publish(world, 2);
    expect(ben.take()).toEqual([]);
    world.advance(SKIP_FOR_MS + 1);
    await publish(world, 3);
    expect(ben.take()).toEqual([{ type: 'event', event: event(3) }]);
  });

  it('keeps what the inbox remembers across hibernation; the room that forgot just forwards again', async () => {
    const world = createRoomWorld();
    await publish(world, 1);
    world.hibernate('main', 'u_ben');
    world.hibernate('conversation', 'c_1');
    world.requests.length = 0;
    await publish(world, 2);
    expect(forwardsTo(world)).toEqual(['u_ana', 'u_ben']);
    await world.connect('main', 'u_ben', { userId: 'u_ben' });
    expect(resumes(world)).toEqual([['c_1', { userId: 'u_ben', epoch: 1 }]]);
  });

  it('refuses a resume without the server secret or with a bad body', async () => {
    const world = createRoomWorld();
    const call = (body: unknown, secret?: string | null) =>
      world.call('conversation', 'c_1', { method: 'POST', path: RESUME_PATH, body, secret });
    expect((await call({ userId: 'u_ben', epoch: 1 }, null)).status).toBe(401);
    expect((await call({ userId: 'u ben', epoch: -1 })).status).toBe(422);
    expect(
      (await world.call('conversation', 'c_1', { method: 'GET', path: RESUME_PATH })).status,
    ).toBe(405);
  });
});

describe('skipList', () => {
  it('ignores an away answer older than the latest resume (the answer was in flight)', () => {
    const skips = skipList();
    skips.resume('u_ben', 3);
    skips.answered('u_ben', 2, 0);
    expect(skips.forwardsTo('u_ben', 1)).toBe(true);
    skips.answered('u_ben', 3, 0);
    expect(skips.forwardsTo('u_ben', 1)).toBe(false);
    skips.resume('u_ben', 4);
    expect(skips.forwardsTo('u_ben', 1)).toBe(true);
  });
});
