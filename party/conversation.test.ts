import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import type { RoomEvent, ServerFrame } from '@/lib/realtime/protocol';
import { mintRoomToken } from '@/lib/realtime/room-token';
import {
  TEST_PARTY_SECRET,
  TEST_ROOM_TOKEN_KEY,
  connectRoom,
  partykitPerFile,
} from '@/test/partykit';

const party = partykitPerFile();

const wsUrl = (partyName: string, room: string, token?: string) =>
  `ws://${party.host}/parties/${partyName}/${room}?_pk=${crypto.randomUUID()}${token ? `&token=${encodeURIComponent(token)}` : ''}`;

const conversationToken = (userId: string, conversationId: string) =>
  mintRoomToken({
    userId,
    party: 'conversation',
    roomId: conversationId,
    key: TEST_ROOM_TOKEN_KEY,
  }).then((t) => t.token);

/** Joins a conversation room as `userId` and takes the welcome frame. */
async function join(userId: string, conversationId: string) {
  const socket = await connectRoom(
    wsUrl('conversation', conversationId, await conversationToken(userId, conversationId)),
  );
  expect(await socket.next()).toEqual({ type: 'welcome', v: 1, userId });
  return socket;
}

/** Opens `userId`'s inbox room (no contacts) and takes the welcome frame. */
async function openInbox(userId: string) {
  const { token } = await mintRoomToken({
    userId,
    party: 'main',
    roomId: userId,
    key: TEST_ROOM_TOKEN_KEY,
  });
  const socket = await connectRoom(wsUrl('main', userId, token));
  expect(await socket.next()).toMatchObject({ type: 'welcome', userId });
  return socket;
}

const roomHttp = (conversationId: string, init: RequestInit = {}, secret?: string) =>
  fetch(`http://${party.host}/parties/conversation/${conversationId}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    },
  });

const isEvent = (f: ServerFrame): f is Extract<ServerFrame, { type: 'event' }> =>
  f.type === 'event';

const isTyping = (f: ServerFrame): f is Extract<ServerFrame, { type: 'typing' }> =>
  f.type === 'typing';

describe('conversation room auth', () => {
  it('refuses a connection without a token', async () => {
    await expect(connectRoom(wsUrl('conversation', 'c_auth'))).rejects.toThrow('refused 401');
  });

  it('admits a token that also opens this conversation (an inbox token of a member)', async () => {
    const { token } = await mintRoomToken({
      userId: 'u_multi',
      party: 'main',
      roomId: 'u_multi',
      key: TEST_ROOM_TOKEN_KEY,
      alsoOpens: [
        { party: 'conversation', roomId: 'c_multi_1' },
        { party: 'conversation', roomId: 'c_multi_2' },
      ],
    });
    const socket = await connectRoom(wsUrl('conversation', 'c_multi_2', token));
    expect(await socket.next()).toEqual({ type: 'welcome', v: 1, userId: 'u_multi' });
    await socket.close();
    await expect(connectRoom(wsUrl('conversation', 'c_multi_3', token))).rejects.toThrow(
      'refused 401',
    );
  });

  it('refuses a token for another conversation', async () => {
    const token = await conversationToken('u_ana', 'c_other');
    await expect(connectRoom(wsUrl('conversation', 'c_auth', token))).rejects.toThrow(
      'refused 401',
    );
  });

  it('refuses an inbox token, even one whose room id matches', async () => {
    const { token } = await mintRoomToken({
      userId: 'u_ana',
      party: 'main',
      roomId: 'c_auth',
      key: TEST_ROOM_TOKEN_KEY,
    });
    await expect(connectRoom(wsUrl('conversation', 'c_auth', token))).rejects.toThrow(
      'refused 401',
    );
  });

  it('lets a member in with a conversation token', async () => {
    const ana = await join('u_ana', 'c_auth');
    await ana.close();
  });
});

describe('conversation room frames', () => {
  it("relays typing to the other members, not to the sender's own tabs", async () => {
    const anaTab1 = await join('u_ana', 'c_typing');
    const anaTab2 = await join('u_ana', 'c_typing');
    const ben = await join('u_ben', 'c_typing');
    anaTab1.ws.send(JSON.stringify({ type: 'typing', state: 'start' }));
    expect(await ben.waitFor(isTyping)).toEqual({
      type: 'typing',
      userId: 'u_ana',
      state: 'start',
    });
    // A stop right after the start is never rate limited.
    anaTab1.ws.send(JSON.stringify({ type: 'typing', state: 'stop' }));
    expect(await ben.waitFor(isTyping)).toEqual({ type: 'typing', userId: 'u_ana', state: 'stop' });
    expect(await anaTab1.drain()).toEqual([]);
    expect(await anaTab2.drain()).toEqual([]);
    await Promise.all([anaTab1.close(), anaTab2.close(), ben.close()]);
  });

  it('relays a read position to the others as a live read.updated, storing nothing', async () => {
    const ana = await join('u_ana', 'c_read');
    const ben = await join('u_ben', 'c_read');
    ana.ws.send(JSON.stringify({ type: 'read', seq: 4 }));
    expect(await ben.waitFor(isEvent)).toEqual({
      type: 'event',
      event: { type: 'read.updated', conversationId: 'c_read', userId: 'u_ana', lastReadSeq: 4 },
    });
    expect(await ana.drain()).toEqual([]);
    await Promise.all([ana.close(), ben.close()]);
  });

  it('drops typing frames that come too fast and says so once', async () => {
    const ana = await join('u_ana', 'c_fast');
    const ben = await join('u_ben', 'c_fast');
    for (let i = 0; i < 4; i++) ana.ws.send(JSON.stringify({ type: 'typing', state: 'start' }));
    expect(await ana.next()).toMatchObject({ type: 'error', code: 'rate_limited' });
    expect(await ana.drain()).toEqual([]);
    expect((await ben.drain()).filter(isTyping)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 600));
    ana.ws.send(JSON.stringify({ type: 'typing', state: 'start' }));
    expect(await ben.waitFor(isTyping)).toMatchObject({ userId: 'u_ana', state: 'start' });
    await Promise.all([ana.close(), ben.close()]);
  });

  it('answers a bad frame with bad_frame and keeps serving', async () => {
    const ana = await join('u_ana', 'c_frames');
    ana.ws.send('not json');
    expect(await ana.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
    ana.ws.send(JSON.stringify({ type: 'typing', state: 'shouting' }));
    expect(await ana.next()).toMatchObject({ type: 'error', code: 'bad_frame' });
    ana.ws.send(JSON.stringify({ type: 'presence.set', state: 'away' }));
    expect(await ana.next()).toMatchObject({ type: 'error', code: 'unsupported' });
    ana.ws.send(JSON.stringify({ type: 'ping', at: 7 }));
    expect(await ana.next()).toEqual({ type: 'pong', at: 7 });
    await ana.close();
  });
});

describe('conversation room HTTP', () => {
  const event: RoomEvent = { type: 'conversation.updated', conversationId: 'c_pub' };

  it('refuses a publish or a viewers query without the server secret', async () => {
    const body = JSON.stringify({ events: [event], recipients: ['u_ana'] });
    expect((await roomHttp('c_pub', { method: 'POST', body })).status).toBe(401);
    expect(
      (await roomHttp('c_pub', { method: 'POST', body }, 'wrong'.padEnd(40, 'w'))).status,
    ).toBe(401);
    expect((await roomHttp('c_pub')).status).toBe(401);
  });

  it('refuses an invalid publish body', async () => {
    const bad = JSON.stringify({ events: [event], recipients: ['../u_ana'] });
    expect((await roomHttp('c_pub', { method: 'POST', body: bad }, TEST_PARTY_SECRET)).status).toBe(
      422,
    );
  });

  it("forwards a publish to the recipients' inbox rooms only", async () => {
    const ana = await openInbox('u_pub_ana');
    const ben = await openInbox('u_pub_ben');
    const eve = await openInbox('u_pub_eve');
    const res = await roomHttp(
      'c_pub',
      {
        method: 'POST',
        body: JSON.stringify({ events: [event], recipients: ['u_pub_ana', 'u_pub_ben'] }),
      },
      TEST_PARTY_SECRET,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ delivered: 2, deliveries: 2, viewers: [] });
    expect(await ana.next()).toEqual({ type: 'event', event });
    expect(await ben.next()).toEqual({ type: 'event', event });
    expect(await eve.drain()).toEqual([]);
    await Promise.all([ana.close(), ben.close(), eve.close()]);
  });

  it('lists the distinct people connected as viewers', async () => {
    const anaTab1 = await join('u_ana', 'c_view');
    const anaTab2 = await join('u_ana', 'c_view');
    const ben = await join('u_ben', 'c_view');
    const res = await roomHttp('c_view', {}, TEST_PARTY_SECRET);
    expect(res.status).toBe(200);
    const { viewers } = z.object({ viewers: z.array(z.string()) }).parse(await res.json());
    expect(viewers.sort()).toEqual(['u_ana', 'u_ben']);
    await Promise.all([anaTab1.close(), anaTab2.close(), ben.close()]);
    const after = await roomHttp('c_view', {}, TEST_PARTY_SECRET);
    expect(await after.json()).toEqual({ viewers: [] });
  });
});

describe('conversation room: removed members (#17 finding 10)', () => {
  const publish = (conversationId: string, events: RoomEvent[], recipients: string[]) =>
    roomHttp(
      conversationId,
      { method: 'POST', body: JSON.stringify({ events, recipients }) },
      TEST_PARTY_SECRET,
    );
  const removal = (conversationId: string, userId: string): RoomEvent => ({
    type: 'member.removed',
    conversationId,
    userIds: [userId],
  });

  it('closes a removed member’s open socket, and their inbox hears nothing more', async () => {
    const ana = await join('u_rm_ana', 'c_rm');
    const cy = await join('u_rm_cy', 'c_rm');
    const anaInbox = await openInbox('u_rm_ana');
    const cyInbox = await openInbox('u_rm_cy');
    const removed = removal('c_rm', 'u_rm_cy');
    expect((await publish('c_rm', [removed], ['u_rm_ana', 'u_rm_cy'])).status).toBe(200);
    expect(await cy.next()).toMatchObject({ type: 'error', code: 'removed' });
    expect(await cy.closed).toEqual({ code: 4003, reason: 'removed' });
    // A later publish, even one whose recipient list still names them, reaches only Ana.
    const later: RoomEvent = { type: 'conversation.updated', conversationId: 'c_rm' };
    await publish('c_rm', [later], ['u_rm_ana', 'u_rm_cy']);
    expect(await anaInbox.waitFor(isEvent)).toEqual({ type: 'event', event: removed });
    expect(await anaInbox.waitFor(isEvent)).toEqual({ type: 'event', event: later });
    expect(await cyInbox.drain(0)).toEqual([{ type: 'event', event: removed }]);
    // They are no viewer any more (so notifications reach them as for anyone away).
    const viewers = await roomHttp('c_rm', {}, TEST_PARTY_SECRET);
    expect(await viewers.json()).toEqual({ viewers: ['u_rm_ana'] });
    await Promise.all([ana.close(), anaInbox.close(), cyInbox.close()]);
  }, 30_000);

  it('refuses a token issued before the removal, and lets them in again once re-added', async () => {
    const stale = await conversationToken('u_rm_dee', 'c_rm2');
    await publish('c_rm2', [removal('c_rm2', 'u_rm_dee')], ['u_rm_dee']);
    const refused = await connectRoom(wsUrl('conversation', 'c_rm2', stale));
    expect(await refused.next()).toMatchObject({ type: 'error', code: 'removed' });
    expect(await refused.closed).toEqual({ code: 4003, reason: 'removed' });
    const added: RoomEvent = {
      type: 'member.added',
      conversationId: 'c_rm2',
      userIds: ['u_rm_dee'],
    };
    await publish('c_rm2', [added], ['u_rm_dee']);
    const back = await join('u_rm_dee', 'c_rm2');
    await back.close();
  }, 30_000);
});
