import { afterAll, beforeAll, expect } from 'vitest';

import type { ServerFrame } from '@/lib/realtime/protocol';
import { mintRoomToken } from '@/lib/realtime/room-token';
import { TEST_ROOM_TOKEN_KEY, connectRoom, startPartykit, type RoomSocket } from '@/test/partykit';

/** Call rooms under a real `partykit dev`, for party/call*.test.ts. */
export let party: Awaited<ReturnType<typeof startPartykit>>;

/** Starts `partykit dev` for the file's tests and stops it after them. Call once, at the top. */
export function startCallParty() {
  beforeAll(async () => {
    party = await startPartykit();
  });
  afterAll(async () => {
    await party?.stop();
  });
}

let rooms = 0;
/** A fresh call id per test, so rooms never share state. */
export const newCall = () => `call_test${Date.now().toString(36)}${(rooms++).toString(36)}`;

export const wsUrl = (partyName: string, room: string, token?: string) =>
  `ws://${party.host}/parties/${partyName}/${room}?_pk=${crypto.randomUUID()}${token ? `&token=${encodeURIComponent(token)}` : ''}`;

export const token = (userId: string, roomId: string, party: 'call' | 'conversation' = 'call') =>
  mintRoomToken({ userId, party, roomId, key: TEST_ROOM_TOKEN_KEY }).then((t) => t.token);

export type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;
export const is =
  <T extends ServerFrame['type']>(type: T) =>
  (f: ServerFrame): f is Frame<T> =>
    f.type === type;

/** Joins call room `callId` as `userId`: welcome, then who is there already. */
export async function join(userId: string, callId: string) {
  const socket = await connectRoom(wsUrl('call', callId, await token(userId, callId)));
  expect(await socket.next()).toEqual({ type: 'welcome', v: 1, userId });
  const state = await socket.next();
  expect(state).toMatchObject({ type: 'call.state', callId });
  return { socket, state: state as Frame<'call.state'> };
}

/** Everyone in `userIds` joins in order; each earlier one hears each later one join. */
export async function joinAll(callId: string, userIds: string[]) {
  const sockets: RoomSocket[] = [];
  for (const userId of userIds) {
    const { socket } = await join(userId, callId);
    for (const earlier of sockets)
      expect(await earlier.waitFor(is('call.joined'))).toMatchObject({ userId });
    sockets.push(socket);
  }
  return sockets;
}

export const sendFrame = (socket: RoomSocket, frame: unknown) =>
  socket.ws.send(JSON.stringify(frame));
export const closeAll = (sockets: RoomSocket[]) => Promise.all(sockets.map((s) => s.close()));
export const closed = (socket: RoomSocket) =>
  new Promise<number>((resolve) => socket.ws.once('close', (code: number) => resolve(code)));
