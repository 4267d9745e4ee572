import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DELETE as removeMember } from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { env, requireSecret } from '@/lib/env';
import { ROOM_TOKEN_TTL_SECONDS, verifyRoomToken } from '@/lib/realtime/room-token';
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
    alsoOpens: z.array(z.string()).optional(),
  })
  .strict();

async function roomTokenOf(res: Response) {
  expect(res.status).toBe(200);
  return roomTokenResponseSchema.parse(await res.json());
}

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

  it("also opens the caller's conversations' rooms, and no one else's", async () => {
    const [a, b, c] = await signUpUsers(3);
    const mine = await startGroup(a, [b]);
    const theirs = await startDirect(b, c);
    const body = await readJson<RoomToken & { alsoOpens?: string[] }>(
      await requestRoomToken(withCookie(a.cookie), { room: 'inbox' }),
    );
    expect(body.alsoOpens).toEqual([mine.id]);
    const opens = (conversationId: string) =>
      verifyRoomToken({
        token: body.token,
        party: 'conversation',
        roomId: conversationId,
        key: requireSecret('ROOM_TOKEN_KEY'),
      });
    expect(await opens(mine.id)).toMatchObject({ ok: true, userId: a.user.id });
    expect(await opens(theirs.id)).toEqual({ ok: false, reason: 'invalid' });
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
