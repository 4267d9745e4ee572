import { describe, expect, it } from 'vitest';

import type { RoomEvent } from '@/lib/realtime/protocol';
import { mintRoomToken } from '@/lib/realtime/room-token';
import {
  TEST_PARTY_SECRET,
  TEST_ROOM_TOKEN_KEY,
  connectRoom,
  partykitPerFile,
} from '@/test/partykit';

/** Against a real `partykit dev`: conversation rooms skip inboxes no tab needs (#19). */
const party = partykitPerFile();

/** One socket of the tab `pk` (a tab's sockets share their `_pk`), past its welcome. */
async function open(partyName: 'main' | 'conversation', room: string, userId: string, pk: string) {
  const { token } = await mintRoomToken({
    userId,
    party: partyName,
    roomId: room,
    key: TEST_ROOM_TOKEN_KEY,
  });
  const socket = await connectRoom(
    `ws://${party.host}/parties/${partyName}/${room}?_pk=${pk}&token=${encodeURIComponent(token)}`,
  );
  expect(await socket.next()).toMatchObject({ type: 'welcome', userId });
  return socket;
}

const read = (room: string, seq: number): RoomEvent => ({
  type: 'read.updated',
  conversationId: room,
  userId: 'u_fan_ana',
  lastReadSeq: seq,
});

async function publish(room: string, seq: number, recipient: string) {
  const res = await fetch(`http://${party.host}/parties/conversation/${room}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_PARTY_SECRET}` },
    body: JSON.stringify({ events: [read(room, seq)], recipients: [recipient] }),
  });
  return (await res.json()) as unknown;
}

describe('fan-out that skips inboxes no tab needs (#19)', () => {
  it('skips an inbox with no tab once it says so, and resumes before greeting a new tab', async () => {
    expect(await publish('c_fan1', 1, 'u_fan_ben')).toMatchObject({ delivered: 1, deliveries: 0 });
    expect(await publish('c_fan1', 2, 'u_fan_ben')).toMatchObject({ delivered: 0, deliveries: 0 });
    const ben = await open('main', 'u_fan_ben', 'u_fan_ben', 'tab_b1'); // after c_fan1 resumed
    expect(await publish('c_fan1', 3, 'u_fan_ben')).toMatchObject({ delivered: 1, deliveries: 1 });
    expect(await ben.next()).toEqual({ type: 'event', event: read('c_fan1', 3) });
    await ben.close();
  });

  it('while the only tab looks at the conversation, events come on its socket there; after leave, on the inbox', async () => {
    const inbox = await open('main', 'u_fan_cy', 'u_fan_cy', 'tab_c1');
    const room = await open('conversation', 'c_fan2', 'u_fan_cy', 'tab_c1');
    await publish('c_fan2', 1, 'u_fan_cy'); // through the inbox, which says the room may skip it
    expect(await inbox.next()).toEqual({ type: 'event', event: read('c_fan2', 1) });
    expect(await publish('c_fan2', 2, 'u_fan_cy')).toMatchObject({ delivered: 0, deliveries: 1 });
    expect(await room.next()).toEqual({ type: 'event', event: read('c_fan2', 2) });
    room.ws.send(JSON.stringify({ type: 'leave' }));
    expect(await room.next()).toEqual({ type: 'left' });
    expect(await publish('c_fan2', 3, 'u_fan_cy')).toMatchObject({ delivered: 1 });
    expect(await inbox.next()).toEqual({ type: 'event', event: read('c_fan2', 3) });
    expect(await room.drain(100)).toEqual([]);
    await Promise.all([inbox.close(), room.close()]);
  });

  it('forwards to the inbox while another tab of the person is elsewhere', async () => {
    const here = await open('main', 'u_fan_dee', 'u_fan_dee', 'tab_d1');
    const room = await open('conversation', 'c_fan3', 'u_fan_dee', 'tab_d1');
    const elsewhere = await open('main', 'u_fan_dee', 'u_fan_dee', 'tab_d2');
    for (const seq of [1, 2]) {
      expect(await publish('c_fan3', seq, 'u_fan_dee')).toMatchObject({ delivered: 1 });
      expect(await elsewhere.next()).toEqual({ type: 'event', event: read('c_fan3', seq) });
    }
    // The same two frames reached this tab's inbox socket too (allow it a moment: two sockets).
    expect(await here.drain(500)).toHaveLength(2);
    expect(await room.drain(100)).toEqual([]);
    await Promise.all([here.close(), room.close(), elsewhere.close()]);
  });
});
