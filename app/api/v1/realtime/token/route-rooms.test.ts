import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { act, startCall } from '@/test/calls';
import { DELETE as removeMember } from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { env, requireSecret } from '@/lib/env';
import {
  MAX_TOKEN_CONVERSATIONS,
  ROOM_TOKEN_TTL_SECONDS,
  SHORT_ROOM_TOKEN_TTL_SECONDS,
  verifyRoomToken,
} from '@/lib/realtime/room-token';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  jsonRequest,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { getStore } from '@/lib/db';

import { POST } from './route';

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
    alsoOpens: z.array(z.string()).optional(),
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

describe('POST /api/v1/realtime/token for a conversation room', () => {
  it('answers a member with a token for that conversation’s room and their other conversations’ only', async () => {
    const [a, b, c] = await signUpUsers(3);
    const { id } = await startDirect(a, b);
    const other = await startGroup(a, [b]);
    const notTheirs = await startDirect(a, c);
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
      alsoOpens: [other.id],
    });
    // Ten minutes, reused by the browser; the room refuses it after a removal (lib/rooms).
    expect(Date.parse(body.expiresAt) - before).toBeGreaterThan(
      (ROOM_TOKEN_TTL_SECONDS - 5) * 1000,
    );
    expect(Date.parse(body.expiresAt) - before).toBeLessThanOrEqual(
      (ROOM_TOKEN_TTL_SECONDS + 1) * 1000,
    );
    // audience conversation/<id>: valid there, nowhere else.
    expect(await verifyConversation(body.token, id)).toEqual({
      ok: true,
      userId: b.user.id,
      contacts: [],
      issuedAt: expect.any(Number),
    });
    // The same token opens b's other conversation (a member there too), not one b is not in.
    expect(await verifyConversation(body.token, other.id)).toMatchObject({
      ok: true,
      userId: b.user.id,
    });
    expect(await verifyConversation(body.token, notTheirs.id)).toEqual({
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

  it('opens at most MAX_TOKEN_CONVERSATIONS rooms, the most recently active first', async () => {
    const [a, b] = await signUpUsers(2);
    // Straight into the store: the API's rate limit allows fewer new groups a minute.
    const store = await getStore();
    const groups = [];
    for (let i = 0; i < MAX_TOKEN_CONVERSATIONS + 2; i++) {
      groups.push(
        await store.createGroup({ name: `G${i}`, ownerId: a.user.id, memberIds: [b.user.id] }),
      );
      await new Promise((resolve) => setTimeout(resolve, 3)); // activity is in milliseconds
    }
    const newest = groups.at(-1)!;
    const body = await roomTokenOf(await conversationRoom(b, groups[0]!.id));
    expect(body.alsoOpens).toHaveLength(MAX_TOKEN_CONVERSATIONS - 1);
    expect(body.alsoOpens?.[0]).toBe(newest.id);
    expect(body.alsoOpens).not.toContain(groups[0]!.id);
    expect(await verifyConversation(body.token, groups[0]!.id)).toMatchObject({ ok: true });
    expect(await verifyConversation(body.token, groups[1]!.id)).toEqual({
      ok: false,
      reason: 'invalid',
    });
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
