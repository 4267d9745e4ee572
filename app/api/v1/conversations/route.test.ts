import { describe, expect, it } from 'vitest';

import { POST as markRead } from '@/app/api/v1/conversations/[id]/read/route';
import { conversationResponseSchema, conversationsResponseSchema } from '@/lib/chat/wire';
import {
  bearer,
  createApiToken,
  describeJsonBodyErrors,
  expectError,
  getRequest,
  jsonRequest,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { GET, POST } from './route';

const create = (account: TestAccount, body: unknown) =>
  POST(jsonRequest('POST', '/conversations', body, withCookie(account.cookie)));

const list = async (account: TestAccount) => {
  const res = await GET(getRequest('/conversations', withCookie(account.cookie)));
  expect(res.status).toBe(200);
  return conversationsResponseSchema.parse(await res.json()).conversations;
};

const unreadIn = async (account: TestAccount, conversationId: string) =>
  (await list(account)).find((c) => c.id === conversationId)?.unreadCount;

/** Activity times are in milliseconds: wait so the next write is strictly later. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('POST /api/v1/conversations', () => {
  it('starts a direct conversation: 201, named after the other person, both members', async () => {
    const a = await signUpUser({ name: 'Ana' });
    const b = await signUpUser({ name: 'Bruno' });
    const res = await create(a, { kind: 'direct', memberIds: [b.user.id] });
    expect(res.status).toBe(201);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation).toMatchObject({
      id: expect.stringMatching(/^c_/),
      kind: 'direct',
      name: 'Bruno',
      lastMessage: null,
      lastSeq: 0,
      lastReadSeq: 0,
      unreadCount: 0,
      muted: false,
    });
    expect(conversation.members.map((m) => m.id).sort()).toEqual([a.user.id, b.user.id].sort());
    expect(conversation.members.find((m) => m.id === b.user.id)).toEqual({
      id: b.user.id,
      name: 'Bruno',
      image: null,
      role: 'owner',
      lastReadSeq: 0,
      statusText: null,
    });
  });

  it('answers 200 with the same conversation for the same pair, in either direction', async () => {
    const [a, b] = await signUpUsers(2);
    const first = await create(a, { kind: 'direct', memberIds: [b.user.id] });
    expect(first.status).toBe(201);
    const { conversation } = conversationResponseSchema.parse(await first.json());

    const again = await create(a, { kind: 'direct', memberIds: [b.user.id] });
    expect(again.status).toBe(200);
    expect(conversationResponseSchema.parse(await again.json()).conversation.id).toBe(
      conversation.id,
    );

    const reverse = await create(b, { kind: 'direct', memberIds: [a.user.id] });
    expect(reverse.status).toBe(200);
    const seenByB = conversationResponseSchema.parse(await reverse.json()).conversation;
    expect(seenByB.id).toBe(conversation.id);
    expect(seenByB.name).toBe(a.user.name);
    expect((await list(a)).filter((c) => c.kind === 'direct')).toHaveLength(1);
  });

  it('starts a group: 201 with the name, the caller as owner and the others as members', async () => {
    const owner = await signUpUser({ name: 'Olga' });
    const [m1, m2] = await signUpUsers(2);
    const res = await create(owner, {
      kind: 'group',
      name: '  Weekend trip  ',
      // Duplicates and the caller themself are dropped.
      memberIds: [m1.user.id, m2.user.id, m1.user.id, owner.user.id],
    });
    expect(res.status).toBe(201);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation).toMatchObject({ kind: 'group', name: 'Weekend trip', lastSeq: 1 });
    expect(Object.fromEntries(conversation.members.map((m) => [m.id, m.role]))).toEqual({
      [owner.user.id]: 'owner',
      [m1.user.id]: 'member',
      [m2.user.id]: 'member',
    });
    expect(conversation.lastMessage).toMatchObject({
      kind: 'system',
      authorId: null,
      seq: 1,
      system: { type: 'conversation.created', actorId: owner.user.id },
    });
    // Every member sees it.
    expect((await list(m2)).map((c) => c.id)).toContain(conversation.id);
  });

  it('works with a bearer API token', async () => {
    const [a, b] = await signUpUsers(2);
    const { token } = await createApiToken(a.cookie);
    const res = await POST(
      jsonRequest(
        'POST',
        '/conversations',
        { kind: 'direct', memberIds: [b.user.id] },
        bearer(token),
      ),
    );
    expect(res.status).toBe(201);
  });

  it('answers 401 when signed out', async () => {
    const b = await signUpUser();
    const res = await POST(
      jsonRequest('POST', '/conversations', { kind: 'direct', memberIds: [b.user.id] }),
    );
    await expectError(res, 401, 'unauthorized');
  });

  it('answers 422 for a group without a name', async () => {
    const [a, b] = await signUpUsers(2);
    for (const body of [
      { kind: 'group', memberIds: [b.user.id] },
      { kind: 'group', name: '   ', memberIds: [b.user.id] },
    ]) {
      const error = await expectError(await create(a, body), 422, 'validation_failed');
      expect(error.fields).toEqual({ name: expect.any(String) });
    }
  });

  it('answers 422 for a group name over 80 characters', async () => {
    const [a, b] = await signUpUsers(2);
    const res = await create(a, { kind: 'group', name: 'n'.repeat(81), memberIds: [b.user.id] });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({ name: 'Group names are at most 80 characters' });
  });

  it('answers 422 for a group with nobody else in it', async () => {
    const a = await signUpUser();
    const res = await create(a, { kind: 'group', name: 'Alone', memberIds: [] });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({ memberIds: 'Add at least one person' });
  });

  it('answers 422 for a direct conversation with two other people', async () => {
    const [a, b, c] = await signUpUsers(3);
    const res = await create(a, { kind: 'direct', memberIds: [b.user.id, c.user.id] });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({
      memberIds: 'A direct conversation has exactly one other person',
    });
  });

  it('answers 422 for a direct conversation with oneself', async () => {
    const a = await signUpUser();
    const res = await create(a, { kind: 'direct', memberIds: [a.user.id] });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({
      memberIds: 'You cannot start a direct conversation with yourself',
    });
    expect(await list(a)).toEqual([]);
  });

  it('answers 422 naming the unknown people in a group', async () => {
    const [a, b] = await signUpUsers(2);
    const res = await create(a, { kind: 'group', name: 'G', memberIds: [b.user.id, 'u_nobody'] });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({ memberIds: expect.stringContaining('u_nobody') });
    expect(await list(a)).toEqual([]);
  });

  it('answers 404 for a direct conversation with someone who does not exist', async () => {
    const a = await signUpUser();
    await expectError(
      await create(a, { kind: 'direct', memberIds: ['u_nobody'] }),
      404,
      'not_found',
    );
  });

  it.each([
    ['no kind', { memberIds: ['u_x'] }],
    ['an unknown kind', { kind: 'channel', name: 'x', memberIds: ['u_x'] }],
    ['memberIds that is not a list', { kind: 'direct', memberIds: 'u_x' }],
    ['an empty id', { kind: 'direct', memberIds: ['  '] }],
    ['an id over 64 characters', { kind: 'direct', memberIds: ['u'.repeat(65)] }],
    ['a JSON array', [1, 2]],
    ['JSON null', null],
  ])('answers 422 (never 500) for %s', async (_label, body) => {
    const a = await signUpUser();
    await expectError(await create(a, body), 422, 'validation_failed');
  });
});

describe('GET /api/v1/conversations', () => {
  it('lists only the caller’s conversations, most recent activity first', async () => {
    const [a, b, c, outsider] = await signUpUsers(4);
    const withB = await startDirect(a, b);
    await tick();
    const withC = await startDirect(a, c);
    await tick();
    const group = await startGroup(a, [b, c], 'Trio');
    await tick();
    await startDirect(b, outsider);

    expect((await list(a)).map((c) => c.id)).toEqual([group.id, withC.id, withB.id]);

    await tick();
    await sendText(b, withB.id, 'bump');
    const conversations = await list(a);
    expect(conversations.map((c) => c.id)).toEqual([withB.id, group.id, withC.id]);
    expect(conversations[0]?.lastMessage).toMatchObject({ body: 'bump', authorId: b.user.id });
    expect(Date.parse(conversations[0]!.lastActivityAt)).toBeGreaterThan(
      Date.parse(conversations[1]!.lastActivityAt),
    );
  });

  it('answers an empty list for someone with no conversations', async () => {
    expect(await list(await signUpUser())).toEqual([]);
  });

  it('counts unread messages from others, not one’s own, and clears them on read', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);

    await sendText(b, id, 'one');
    await sendText(b, id, 'two');
    expect(await unreadIn(a, id)).toBe(2);
    expect(await unreadIn(b, id)).toBe(0);

    // Writing reads up to one's own message.
    await sendText(a, id, 'three');
    expect(await unreadIn(a, id)).toBe(0);
    expect(await unreadIn(b, id)).toBe(1);

    const res = await markRead(
      jsonRequest('POST', `/conversations/${id}/read`, { seq: 3 }, withCookie(b.cookie)),
      withParams({ id }),
    );
    expect(res.status).toBe(200);
    const seen = (await list(b)).find((c) => c.id === id);
    expect(seen).toMatchObject({ unreadCount: 0, lastReadSeq: 3, lastSeq: 3 });
  });

  it('works with a bearer API token', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { token } = await createApiToken(a.cookie);
    const res = await GET(getRequest('/conversations', bearer(token)));
    expect(res.status).toBe(200);
    expect(
      conversationsResponseSchema.parse(await res.json()).conversations.map((c) => c.id),
    ).toEqual([id]);
  });

  it('answers 401 when signed out', async () => {
    await expectError(await GET(getRequest('/conversations')), 401, 'unauthorized');
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/conversations',
  handler: POST,
  headers: async () => withCookie((await signUpUser()).cookie),
});
