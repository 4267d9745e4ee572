import { describe, expect, it } from 'vitest';

import type { RoomEvent, ServerFrame } from '@/lib/realtime/protocol';
import { CALL_CLOSE_CODES, MAX_CALL_PARTICIPANTS } from '@/lib/realtime/protocol';
import { createRoomWorld, type RoomWorld } from '@/test/room-host';

const join = async (world: RoomWorld, userId: string) => {
  const connection = await world.connect('call', 'call_1', { userId });
  return connection;
};

const offer = { description: { type: 'offer', sdp: 'v=0' } } as const;
const ended: RoomEvent = {
  type: 'call.ended',
  conversationId: 'c_1',
  callId: 'call_1',
  outcome: 'completed',
  durationMs: 5000,
};
const types = (frames: ServerFrame[]) => frames.map((f) => f.type);

describe('call room', () => {
  it('tells a newcomer who is in, and the others that they joined', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    expect(ana.take()).toEqual([
      { type: 'welcome', v: 1, userId: 'u_ana' },
      { type: 'call.state', callId: 'call_1', participants: [] },
    ]);
    const ben = await join(world, 'u_ben');
    expect(ben.take()[1]).toMatchObject({ participants: [{ userId: 'u_ana' }] });
    expect(ana.take()).toMatchObject([{ type: 'call.joined', userId: 'u_ben' }]);
  });

  it('relays a signal to the named peer only, with `from` set by the room', async () => {
    const world = createRoomWorld();
    const [ana, ben, cy] = [
      await join(world, 'u_ana'),
      await join(world, 'u_ben'),
      await join(world, 'u_cy'),
    ];
    for (const c of [ana, ben, cy]) c.take();
    await ana.receive({ type: 'signal', to: 'u_ben', from: 'u_cy', data: offer });
    expect(ben.take()).toEqual([{ type: 'signal', from: 'u_ana', data: offer }]);
    expect(cy.take()).toEqual([]);
    await ana.receive({ type: 'signal', to: 'u_dee', data: offer });
    await ana.receive({ type: 'signal', to: 'u_ana', data: offer });
    expect(ana.take()).toMatchObject([
      { type: 'error', code: 'peer_unavailable' },
      { type: 'error', code: 'bad_frame' },
    ]);
  });

  it(`refuses a person beyond ${MAX_CALL_PARTICIPANTS} with call_full`, async () => {
    const world = createRoomWorld();
    for (let i = 0; i < MAX_CALL_PARTICIPANTS; i++) await join(world, `u_${i}`);
    const late = await join(world, 'u_late');
    expect(late.take()).toMatchObject([{ type: 'error', code: 'call_full' }]);
    expect(late.closed).toEqual({ code: CALL_CLOSE_CODES.full, reason: 'call_full' });
  });

  it('replaces the older connection of someone who joins again; the others see no leave', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    const old = await join(world, 'u_ben');
    ana.take();
    old.take();
    const fresh = await join(world, 'u_ben');
    expect(old.take()).toMatchObject([{ type: 'error', code: 'replaced' }]);
    expect(old.closed).toEqual({ code: CALL_CLOSE_CODES.replaced, reason: 'replaced' });
    expect(types(fresh.take())).toEqual(['welcome', 'call.state']);
    expect(types(ana.take())).toEqual(['call.joined']);
    await ana.receive({ type: 'signal', to: 'u_ben', data: offer });
    expect(fresh.take()).toEqual([{ type: 'signal', from: 'u_ana', data: offer }]);
  });

  it('says who left, and remembers when, through hibernation', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    const ben = await join(world, 'u_ben');
    ana.take();
    world.hibernate('call', 'call_1');
    await ben.disconnect();
    expect(ana.take()).toEqual([{ type: 'call.left', userId: 'u_ben' }]);
    expect(await world.call('call', 'call_1', { method: 'GET' })).toEqual({
      status: 200,
      body: { participants: ['u_ana'], lastLeftAt: world.now() },
    });
  });

  it('broadcasts a change of media state, and nothing when unchanged', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    const ben = await join(world, 'u_ben');
    ben.take();
    await ana.receive({ type: 'media', muted: true });
    await ana.receive({ type: 'media', muted: true });
    expect(ben.take()).toEqual([
      {
        type: 'call.media',
        userId: 'u_ana',
        media: { muted: true, cameraOff: false, screenSharing: false, speaking: false },
      },
    ]);
  });

  it('rate-limits a flood of signals, saying so once a second', async () => {
    const world = createRoomWorld();
    const ana = await join(world, 'u_ana');
    await join(world, 'u_ben');
    ana.take();
    for (let i = 0; i < 500; i++) await ana.receive({ type: 'signal', to: 'u_ben', data: offer });
    expect(ana.take().filter((f) => f.type === 'error')).toMatchObject([{ code: 'rate_limited' }]);
  });

  describe('once the call ended (#17 finding 10)', () => {
    it('closes everyone in it and refuses whoever comes later, through hibernation', async () => {
      const world = createRoomWorld();
      const ana = await join(world, 'u_ana');
      ana.take();
      expect(
        await world.call('call', 'call_1', { method: 'POST', body: { events: [ended] } }),
      ).toEqual({ status: 200, body: { ended: true } });
      expect(ana.take()).toEqual([
        { type: 'error', code: 'call_ended', message: 'This call has ended.' },
      ]);
      expect(ana.closed).toEqual({ code: CALL_CLOSE_CODES.ended, reason: 'call_ended' });
      world.hibernate('call', 'call_1');
      const late = await join(world, 'u_ben');
      expect(types(late.take())).toEqual(['error']);
      expect(late.closed).toEqual({ code: CALL_CLOSE_CODES.ended, reason: 'call_ended' });
      expect(await world.call('call', 'call_1', { method: 'GET' })).toMatchObject({
        body: { participants: [] },
      });
    });

    it('ignores the end of another call, and needs the server secret', async () => {
      const world = createRoomWorld();
      const other = { ...ended, callId: 'call_2' };
      expect(
        await world.call('call', 'call_1', { method: 'POST', body: { events: [other] } }),
      ).toEqual({ status: 200, body: { ended: false } });
      const forged = await world.call('call', 'call_1', {
        method: 'POST',
        body: { events: [ended] },
        secret: 'guess',
      });
      expect(forged.status).toBe(401);
      const ana = await join(world, 'u_ana');
      expect(types(ana.take())).toEqual(['welcome', 'call.state']);
    });
  });
});
