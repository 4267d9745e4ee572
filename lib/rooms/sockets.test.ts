import { describe, expect, it } from 'vitest';

import { createRoomWorld } from '@/test/room-host';

import { SOCKETS_ROOM } from './sockets';

const total = async (world: ReturnType<typeof createRoomWorld>) =>
  (await world.call('main', SOCKETS_ROOM, { method: 'GET' })).body;

describe('sockets room: connected tabs across inbox rooms', () => {
  it('counts every tab as inbox rooms report them, and forgets a room whose last tab left', async () => {
    const world = createRoomWorld();
    expect(await total(world)).toEqual({ sockets: 0, rooms: 0 });
    const ana1 = await world.connect('main', 'u_ana', { userId: 'u_ana' });
    const ana2 = await world.connect('main', 'u_ana', { userId: 'u_ana' });
    const ben = await world.connect('main', 'u_ben', { userId: 'u_ben' });
    expect(await total(world)).toEqual({ sockets: 3, rooms: 2 });
    await ana1.disconnect();
    expect(await total(world)).toEqual({ sockets: 2, rooms: 2 });
    await ana2.disconnect();
    await ben.disconnect();
    expect(await total(world)).toEqual({ sockets: 0, rooms: 0 });
    expect(world.requests.filter((r) => r.roomId === SOCKETS_ROOM).map((r) => r.body)).toEqual([
      { room: 'u_ana', sockets: 1 },
      { room: 'u_ana', sockets: 2 },
      { room: 'u_ben', sockets: 1 },
      { room: 'u_ana', sockets: 1 },
      { room: 'u_ana', sockets: 0 },
      { room: 'u_ben', sockets: 0 },
    ]);
  });

  it('takes a room’s latest count, so a repeated or late report does not add up twice', async () => {
    const world = createRoomWorld();
    const report = (room: string, sockets: number) =>
      world.call('main', SOCKETS_ROOM, { method: 'POST', body: { room, sockets } });
    await report('u_ana', 2);
    await report('u_ana', 2);
    await report('u_cy', 4);
    expect((await report('u_ana', 1)).body).toEqual({ sockets: 5, rooms: 2 });
    await report('u_cy', 0);
    await report('u_cy', 0);
    expect(await total(world)).toEqual({ sockets: 1, rooms: 1 });
  });

  it('needs the server secret and a valid report; no socket can join it', async () => {
    const world = createRoomWorld();
    const call = (init: Parameters<typeof world.call>[2]) => world.call('main', SOCKETS_ROOM, init);
    expect((await call({ method: 'GET', secret: null })).status).toBe(401);
    expect((await call({ method: 'POST', body: { room: 'u_a', sockets: -1 } })).status).toBe(422);
    expect((await call({ method: 'POST', body: { room: '../x', sockets: 1 } })).status).toBe(422);
    expect((await call({ method: 'POST' })).status).toBe(400);
    expect((await call({ method: 'PUT', body: {} })).status).toBe(405);
    expect((await call({ method: 'GET', path: '/nope' })).status).toBe(404);
    const intruder = await world.connect('main', SOCKETS_ROOM, { userId: 'u_eve' });
    expect(intruder.closed?.code).toBe(1008);
    expect(await total(world)).toEqual({ sockets: 0, rooms: 0 });
  });
});
