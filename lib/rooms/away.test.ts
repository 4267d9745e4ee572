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

const publish = (world: RoomWorld, seq: number, room = 'c_1', events = [event(seq)]) =>
  world.call('conversation', room, {
    method: 'POST',
    body: { events, recipients: ['u_ana', 'u_ben'] },
  });

/** The inbox rooms conversation rooms forwarded to, in order. */
const forwardsTo = (world: RoomWorld) =>
  world.requests
    .filter((r) => r.from.startsWith('conversation/') && r.party === 'main')
    .map((r) => r.roomId);
const resumes = (world: RoomWorld) =>
  world.requests.filter((r) => r.path === RESUME_PATH).map((r) => [r.roomId, r.body]);

/** One tab of `userId`: its inbox socket, and its socket in c_1 when it looks at it. */
async function tab(world: RoomWorld, userId: string, id: string, looking: boolean) {
  const inbox = await world.connect('main', userId, { userId }, { id });
  const room = looking ? await world.connect('conversation', 'c_1', { userId }, { id }) : null;
  inbox.take();
  room?.take();
  return { inbox, room };
}

describe('fan-out that skips inboxes no tab needs (#19)', () => {
  it('skips the inbox of someone with no tab after one forward, and counts it in the log', async () => {
    const world = createRoomWorld();
    const ana = await tab(world, 'u_ana', 't_ana', false);
    await publish(world, 1);
    await publish(world, 2);
    await publish(world, 3);
    // Ben's inbox heard the first one and said nobody is there; Ana's heard all three.
    expect(forwardsTo(world)).toEqual(['u_ana', 'u_ben', 'u_ana', 'u_ana']);
    expect(ana.inbox.take().filter((f) => f.type === 'event')).toHaveLength(3);
    const last = world.logs.filter((l) => l.msg === 'room publish').at(-1);
    expect(last?.fields).toMatchObject({ recipients: 1, skipped: 1, delivered: 1 });
  });

  it('sends events on the conversation socket while every tab of the person looks at it', async () => {
    const world = createRoomWorld();
    const ana = await tab(world, 'u_ana', 't_ana', true);
    await tab(world, 'u_ben', 't_ben', false);
    await publish(world, 1); // through the inbox; the inbox says the room may skip it
    expect(ana.inbox.take()).toEqual([{ type: 'event', event: event(1) }]);
    world.requests.length = 0;
    await publish(world, 2);
    expect(forwardsTo(world)).toEqual(['u_ben']);
    expect(ana.room?.take()).toEqual([{ type: 'event', event: event(2) }]);
    expect(ana.inbox.take()).toEqual([]);
    // Membership changes always take the inbox.
    const added: RoomEvent = { type: 'member.added', conversationId: 'c_1', userIds: ['u_cy'] };
    await publish(world, 3, 'c_1', [added]);
    expect(ana.inbox.take()).toEqual([{ type: 'event', event: added }]);
  });

  it('forwards to the inbox while another tab of the person is elsewhere', async () => {
    const world = createRoomWorld();
    const here = await tab(world, 'u_ana', 't_here', true);
    const elsewhere = await tab(world, 'u_ana', 't_elsewhere', false);
    await publish(world, 1);
    await publish(world, 2);
    expect(forwardsTo(world).filter((id) => id === 'u_ana')).toHaveLength(2);
    expect(elsewhere.inbox.take()).toHaveLength(2);
    expect(here.room?.take()).toEqual([]);
  });

  it('answers leave with left after what it sent, and forwards again from then on', async () => {
    const world = createRoomWorld();
    const ana = await tab(world, 'u_ana', 't_ana', true);
    await publish(world, 1);
    ana.inbox.take();
    await publish(world, 2);
    await ana.room?.receive({ type: 'leave' });
    expect(ana.room?.take()).toEqual([{ type: 'event', event: event(2) }, { type: 'left' }]);
    await publish(world, 3);
    expect(ana.inbox.take()).toEqual([{ type: 'event', event: event(3) }]);
    expect(ana.room?.take()).toEqual([]);
    // A left connection is no viewer any more.
    const viewers = await world.call('conversation', 'c_1', { method: 'GET' });
    expect(viewers.body).toEqual({ viewers: [] });
  });

  it('a close ends the skip too; an away answer in flight across a leave is ignored', async () => {
    const world = createRoomWorld();
    const ana = await tab(world, 'u_ana', 't_ana', true);
    await publish(world, 1);
    await ana.room?.disconnect();
    ana.inbox.take();
    await publish(world, 2);
    expect(ana.inbox.take()).toEqual([{ type: 'event', event: event(2) }]);
    const skips = skipList();
    const generation = skips.generation('u_ana');
    skips.left('u_ana');
    skips.answered('u_ana', 0, generation, 0);
    expect(skips.skips('u_ana', 1)).toBe(false);
  });

  it('resumes every room that skipped someone before greeting their new tab, which then hears all', async () => {
    const world = createRoomWorld();
    await publish(world, 1, 'c_1');
    await publish(world, 1, 'c_2');
    world.requests.length = 0;
    await publish(world, 2, 'c_1');
    expect(forwardsTo(world)).toEqual([]); // both away: nothing forwarded
    const ben = await world.connect('main', 'u_ben', { userId: 'u_ben' });
    expect(resumes(world)).toEqual([
      ['c_1', { userId: 'u_ben', epoch: 1 }],
      ['c_2', { userId: 'u_ben', epoch: 1 }],
    ]);
    expect(ben.take()[0]).toMatchObject({ type: 'welcome' });
    await publish(world, 3, 'c_1');
    expect(ben.take()).toEqual([{ type: 'event', event: event(3) }]);
    // A second tab finds nothing left to resume.
    await world.connect('main', 'u_ben', { userId: 'u_ben' });
    expect(resumes(world)).toHaveLength(2);
  });

  it('resumes only rooms told within SKIP_FOR_MS (older skips have lapsed by themselves)', async () => {
    const world = createRoomWorld();
    await publish(world, 1, 'c_old');
    world.advance(SKIP_FOR_MS + 120_000);
    await publish(world, 1, 'c_new');
    await world.connect('main', 'u_ben', { userId: 'u_ben' });
    expect(resumes(world).map(([room]) => room)).toEqual(['c_new']);
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
    skips.answered('u_ben', 2, 0, 0);
    expect(skips.skips('u_ben', 1)).toBe(false);
    skips.answered('u_ben', 3, 0, 0);
    expect(skips.skips('u_ben', 1)).toBe(true);
    skips.resume('u_ben', 4);
    expect(skips.skips('u_ben', 1)).toBe(false);
  });
});
