import { describe, expect, it } from 'vitest';

import { getStore } from '@/lib/db';
import { conversationResponseSchema } from '@/lib/chat/wire';
import {
  bearer,
  createApiToken,
  describeJsonBodyErrors,
  expectError,
  fetchConversation,
  fetchMessages,
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

import { GET, PATCH } from './route';

const get = (headers: Record<string, string>, id: string) =>
  GET(getRequest(`/conversations/${id}`, headers), withParams({ id }));

const rename = (account: TestAccount, id: string, body: unknown) =>
  PATCH(
    jsonRequest('PATCH', `/conversations/${id}`, body, withCookie(account.cookie)),
    withParams({ id }),
  );

async function groupOfThree() {
  const [owner, admin, member] = await signUpUsers(3);
  const group = await startGroup(owner, [admin, member], 'Original');
  await (
    await getStore()
  ).updateMembership({ conversationId: group.id, userId: admin.user.id, role: 'admin' });
  return { owner, admin, member, group };
}

describe('GET /api/v1/conversations/:id', () => {
  it('answers 200 with the conversation as the caller sees it', async () => {
    const a = await signUpUser({ name: 'Ana' });
    const b = await signUpUser({ name: 'Bruno' });
    const { id } = await startDirect(a, b);
    await sendText(b, id, 'hi Ana');

    const res = await get(withCookie(a.cookie), id);
    expect(res.status).toBe(200);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation).toMatchObject({
      id,
      kind: 'direct',
      name: 'Bruno',
      lastSeq: 1,
      lastReadSeq: 0,
      unreadCount: 1,
      lastMessage: { seq: 1, body: 'hi Ana', authorId: b.user.id },
    });
    // The other side sees it named after Ana, and has read its own message.
    expect(await fetchConversation(b, id)).toMatchObject({
      name: 'Ana',
      lastReadSeq: 1,
      unreadCount: 0,
    });
  });

  it('works with a bearer API token', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { token } = await createApiToken(a.cookie);
    expect((await get(bearer(token), id)).status).toBe(200);
  });

  it('answers 404 to someone who is not a member, as for an id that does not exist', async () => {
    const [a, b, outsider] = await signUpUsers(3);
    const direct = await startDirect(a, b);
    const group = await startGroup(a, [b]);
    for (const id of [direct.id, group.id, 'c_doesnotexist'])
      await expectError(await get(withCookie(outsider.cookie), id), 404, 'not_found');
  });

  it('answers 400 for an id over 64 characters', async () => {
    const a = await signUpUser();
    await expectError(await get(withCookie(a.cookie), 'c'.repeat(65)), 400, 'bad_request');
  });

  it('answers 401 when signed out', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    await expectError(await get({}, id), 401, 'unauthorized');
  });
});

describe('PATCH /api/v1/conversations/:id', () => {
  it('lets the owner rename a group and records it in the history', async () => {
    const { owner, member, group } = await groupOfThree();
    const res = await rename(owner, group.id, { name: '  Renamed  ' });
    expect(res.status).toBe(200);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation).toMatchObject({ id: group.id, name: 'Renamed', lastSeq: 2 });
    expect(conversation.lastMessage).toMatchObject({
      kind: 'system',
      system: { type: 'conversation.renamed', actorId: owner.user.id, name: 'Renamed' },
    });
    expect((await fetchConversation(member, group.id)).name).toBe('Renamed');
  });

  it('lets an admin rename a group', async () => {
    const { admin, group } = await groupOfThree();
    const res = await rename(admin, group.id, { name: 'By the admin' });
    expect(res.status).toBe(200);
    expect(conversationResponseSchema.parse(await res.json()).conversation.name).toBe(
      'By the admin',
    );
  });

  it('answers 200 without a new history entry when the name is unchanged', async () => {
    const { owner, group } = await groupOfThree();
    const res = await rename(owner, group.id, { name: 'Original' });
    expect(res.status).toBe(200);
    expect(conversationResponseSchema.parse(await res.json()).conversation.lastSeq).toBe(
      group.lastSeq,
    );
    expect((await fetchMessages(owner, group.id)).messages).toHaveLength(1);
  });

  it('answers 403 to a plain member', async () => {
    const { member, group } = await groupOfThree();
    await expectError(await rename(member, group.id, { name: 'Mine now' }), 403, 'forbidden');
    expect((await fetchConversation(member, group.id)).name).toBe('Original');
  });

  it('answers 403 for a direct conversation', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    await expectError(await rename(a, id, { name: 'Us' }), 403, 'forbidden');
  });

  it('answers 404 to someone who is not a member', async () => {
    const { group } = await groupOfThree();
    const outsider = await signUpUser();
    await expectError(await rename(outsider, group.id, { name: 'Hijacked' }), 404, 'not_found');
  });

  it('answers 422 for an empty name or one over 80 characters', async () => {
    const { owner, group } = await groupOfThree();
    for (const name of ['   ', 'n'.repeat(81)]) {
      const error = await expectError(
        await rename(owner, group.id, { name }),
        422,
        'validation_failed',
      );
      expect(error.fields).toEqual({ name: expect.any(String) });
    }
    const missing = await expectError(await rename(owner, group.id, {}), 422, 'validation_failed');
    expect(missing.fields).toEqual({ name: expect.any(String) });
  });

  it('works with a bearer API token', async () => {
    const { owner, group } = await groupOfThree();
    const { token } = await createApiToken(owner.cookie);
    const res = await PATCH(
      jsonRequest('PATCH', `/conversations/${group.id}`, { name: 'Scripted' }, bearer(token)),
      withParams({ id: group.id }),
    );
    expect(res.status).toBe(200);
  });

  it('answers 401 when signed out', async () => {
    const { group } = await groupOfThree();
    const res = await PATCH(
      jsonRequest('PATCH', `/conversations/${group.id}`, { name: 'x' }),
      withParams({ id: group.id }),
    );
    await expectError(res, 401, 'unauthorized');
  });
});

let bodyErrorsGroup: { id: string; owner: TestAccount } | undefined;
describeJsonBodyErrors({
  method: 'PATCH',
  path: '/conversations/:id',
  handler: async (req) => PATCH(req, withParams({ id: bodyErrorsGroup!.id })),
  headers: async () => {
    const { owner, group } = await groupOfThree();
    bodyErrorsGroup = { id: group.id, owner };
    return withCookie(owner.cookie);
  },
});
