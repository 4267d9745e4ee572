import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { act, startCall } from '@/test/calls';
import { DELETE as removeMember } from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { env, requireSecret } from '@/lib/env';
import {
  ROOM_TOKEN_TTL_SECONDS,
  SHORT_ROOM_TOKEN_TTL_SECONDS,
  verifyRoomToken,
} from '@/lib/realtime/room-token';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  expectRetryAfter,
  jsonRequest,
  readJson,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  describeJsonBodyErrors,
  type TestAccount,
} from '@/test/api';

import { POST } from './route';

type RoomToken = { token: string; host: string; party: string; roomId: string; expiresAt: string };

const requestRoomToken = (headers: Record<string, string>, body: unknown) =>
  POST(jsonRequest('POST', '/realtime/token', body, headers));

const verify = (token: string, roomId: string) =>
  verifyRoomToken({ token, party: 'main', roomId, key: requireSecret('ROOM_TOKEN_KEY') });

/** The documented answer (createRoomTokenEndpoint), strict: no field more. */
const roomTokenResponseSchema = z
  .object({
    token: z.string(),
    host: z.string(),
    party: z.enum(['main', 'conversation', 'call']),
    roomId: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .strict();

async function roomTokenOf(res: Response) {
  expect(res.status).toBe(200);
  return roomTokenResponseSchema.parse(await res.json());
}

const conversationRoom = (account: TestAccount, conversationId: string) =>
  requestRoomToken(withCookie(account.cookie), { room: 'conversation', conversationId });

const verifyConversation = (token: string, conversationId: string) =>
  verifyRoomToken({
    token,
    party: 'conversation',
    roomId: conversationId,
    key: requireSecret('ROOM_TOKEN_KEY'),
  });

/** Activity times are in milliseconds: wait so the next write is strictly later. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('POST /api/v1/realtime/token', () => {
  it("answers with a token for the caller's inbox room", async () => {
    const account = await signUpUser();
    const before = Date.now();
    const res = await requestRoomToken(withCookie(account.cookie), { room: 'inbox' });
    expect(res.status).toBe(200);
    const body = await readJson<RoomToken>(res);
    expect(body).toEqual({
      token: expect.any(String),
      host: env.PARTYKIT_HOST,
      party: 'main',
      roomId: account.user.id,
      expiresAt: expect.any(String),
    });
    const expiresIn = Date.parse(body.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan((ROOM_TOKEN_TTL_SECONDS - 5) * 1000);
    expect(expiresIn).toBeLessThanOrEqual((ROOM_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('mints a token that verifies for that room only', async () => {
    const account = await signUpUser();
    const other = await signUpUser();
    const { token } = await readJson<RoomToken>(
      await requestRoomToken(withCookie(account.cookie), { room: 'inbox' }),
    );
    expect(await verify(token, account.user.id)).toEqual({
      ok: true,
      userId: account.user.id,
      contacts: [],
      issuedAt: expect.any(Number),
    });
    expect(await verify(token, other.user.id)).toEqual({ ok: false, reason: 'invalid' });
    expect(
      await verifyRoomToken({
        token,
        party: 'main',
        roomId: account.user.id,
        key: 'some-other-key-'.padEnd(48, 'k'),
      }),
    ).toEqual({ ok: false, reason: 'invalid' });
  });

  it('works with a bearer API token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const res = await requestRoomToken(bearer(token), { room: 'inbox' });
    expect((await readJson<RoomToken>(res)).roomId).toBe(account.user.id);
  });

  it('answers 422 for a room other than inbox, conversation or call', async () => {
    const account = await signUpUser();
    const res = await requestRoomToken(withCookie(account.cookie), { room: 'other' });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({ room: 'room must be "inbox", "conversation" or "call"' });
  });

  it('answers 422 when room is missing', async () => {
    const account = await signUpUser();
    const res = await requestRoomToken(withCookie(account.cookie), {});
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toHaveProperty('room');
  });

  it('answers 401 when signed out', async () => {
    await expectError(await requestRoomToken({}, { room: 'inbox' }), 401, 'unauthorized');
  });

  it('answers 429 with Retry-After after 60 tokens in a minute', async () => {
    const account = await signUpUser();
    for (let i = 0; i < 60; i++)
      expect((await requestRoomToken(withCookie(account.cookie), { room: 'inbox' })).status).toBe(
        200,
      );
    const res = await requestRoomToken(withCookie(account.cookie), { room: 'inbox' });
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/realtime/token',
  handler: POST,
  headers: async () => withCookie((await signUpUser()).cookie),
});

describe('POST /api/v1/realtime/token for a conversation room', () => {
  it('answers a member with a token for that conversation’s room only', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const other = await startGroup(a, [b]);
    const before = Date.now();
    const res = await conversationRoom(b, id);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await roomTokenOf(res);
    expect(body).toEqual({
      token: expect.any(String),
      host: env.PARTYKIT_HOST,
      party: 'conversation',
      roomId: id,
      expiresAt: expect.any(String),
    });
    expect(Date.parse(body.expiresAt) - before).toBeLessThanOrEqual(
      (SHORT_ROOM_TOKEN_TTL_SECONDS + 1) * 1000,
    );
    // audience conversation/<id>: valid there, nowhere else.
    expect(await verifyConversation(body.token, id)).toEqual({
      ok: true,
      userId: b.user.id,
      contacts: [],
      issuedAt: expect.any(Number),
    });
    expect(await verifyConversation(body.token, other.id)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verify(body.token, b.user.id)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verify(body.token, id)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers 404 to someone who is not a member, as for a conversation that does not exist', async () => {
    const [a, b, outsider] = await signUpUsers(3);
    const direct = await startDirect(a, b);
    const group = await startGroup(a, [b]);
    for (const id of [direct.id, group.id, 'c_doesnotexist'])
      await expectError(await conversationRoom(outsider, id), 404, 'not_found');
  });

  it('answers 404 to a member once they have left', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    await roomTokenOf(await conversationRoom(member, group.id));
    const left = await removeMember(
      deleteRequest(
        `/conversations/${group.id}/members/${member.user.id}`,
        withCookie(member.cookie),
      ),
      withParams({ id: group.id, userId: member.user.id }),
    );
    expect(left.status).toBe(200);
    await expectError(await conversationRoom(member, group.id), 404, 'not_found');
  });

  it.each([
    ['a missing conversationId', { room: 'conversation' }],
    ['an empty conversationId', { room: 'conversation', conversationId: '' }],
    [
      'a conversationId over 64 characters',
      { room: 'conversation', conversationId: 'c'.repeat(65) },
    ],
  ])('answers 422 for %s', async (_label, body) => {
    const account = await signUpUser();
    const error = await expectError(
      await requestRoomToken(withCookie(account.cookie), body),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ conversationId: expect.any(String) });
  });

  it('works with a bearer API token', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { token } = await createApiToken(a.cookie);
    const body = await roomTokenOf(
      await requestRoomToken(bearer(token), { room: 'conversation', conversationId: id }),
    );
    expect(await verifyConversation(body.token, id)).toMatchObject({ ok: true, userId: a.user.id });
  });

  it('answers 401 when signed out', async () => {
    await expectError(
      await requestRoomToken({}, { room: 'conversation', conversationId: 'c_x' }),
      401,
      'unauthorized',
    );
  });
});

describe('POST /api/v1/realtime/token: contacts of the inbox token', () => {
  const inboxContacts = async (account: TestAccount) => {
    const { token } = await roomTokenOf(
      await requestRoomToken(withCookie(account.cookie), { room: 'inbox' }),
    );
    const verified = await verify(token, account.user.id);
    if (!verified.ok) throw new Error(`inbox token does not verify: ${verified.reason}`);
    return verified.contacts;
  };

  it('lists everyone the caller shares a conversation with, latest activity first', async () => {
    const [me, b, c, d, stranger] = await signUpUsers(5);
    const direct = await startDirect(me, b);
    await tick();
    await startGroup(me, [c, d]);
    await startDirect(stranger, b);
    await tick();
    await sendText(b, direct.id, 'latest');

    const contacts = await inboxContacts(me);
    expect(contacts[0]).toBe(b.user.id);
    expect(contacts.slice(1).sort()).toEqual([c.user.id, d.user.id].sort());
    expect(contacts).not.toContain(me.user.id);
    expect(contacts).not.toContain(stranger.user.id);
    // Each side sees the other.
    expect(await inboxContacts(c)).toContain(me.user.id);
  });

  it('drops someone who no longer shares a conversation', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    expect(await inboxContacts(owner)).toEqual([member.user.id]);
    await removeMember(
      deleteRequest(
        `/conversations/${group.id}/members/${member.user.id}`,
        withCookie(owner.cookie),
      ),
      withParams({ id: group.id, userId: member.user.id }),
    );
    expect(await inboxContacts(owner)).toEqual([]);
  });
});

describe('POST /api/v1/realtime/token for a call room', () => {
  const callRoom = (account: TestAccount, callId: string) =>
    requestRoomToken(withCookie(account.cookie), { room: 'call', callId });
  const verifyCall = (token: string, callId: string) =>
    verifyRoomToken({ token, party: 'call', roomId: callId, key: requireSecret('ROOM_TOKEN_KEY') });

  it("answers a member of the call's conversation with a token for that call's room only", async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { call } = await startCall(a, id);
    const body = await roomTokenOf(await callRoom(b, call.id));
    expect(body).toEqual({
      token: expect.any(String),
      host: env.PARTYKIT_HOST,
      party: 'call',
      roomId: call.id,
      expiresAt: expect.any(String),
    });
    // A call token lives a minute: a leaked one soon opens nothing (and never an ended call).
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(
      SHORT_ROOM_TOKEN_TTL_SECONDS * 1000,
    );
    // audience call/<callId>: not the conversation's room, not another call's.
    expect(await verifyCall(body.token, call.id)).toEqual({
      ok: true,
      userId: b.user.id,
      contacts: [],
      issuedAt: expect.any(Number),
    });
    expect(await verifyConversation(body.token, id)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCall(body.token, 'call_other')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers 404 to someone outside the conversation, as for a call that does not exist', async () => {
    const [a, b, outsider] = await signUpUsers(3);
    const group = await startGroup(a, [b]);
    const { call } = await startCall(a, group.id);
    for (const callId of [call.id, 'call_doesnotexist'])
      await expectError(await callRoom(outsider, callId), 404, 'not_found');
  });

  it('answers 409 once the call has ended', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { call } = await startCall(a, id);
    await act(b, call.id, 'decline');
    const error = await expectError(await callRoom(a, call.id), 409, 'conflict');
    expect(error.message).toBe('This call has ended.');
  });

  it.each([
    ['a missing callId', { room: 'call' }],
    ['a callId over 64 characters', { room: 'call', callId: 'c'.repeat(65) }],
  ])('answers 422 for %s', async (_label, body) => {
    const account = await signUpUser();
    const error = await expectError(
      await requestRoomToken(withCookie(account.cookie), body),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ callId: expect.any(String) });
  });
});
