import { describe, expect, it } from 'vitest';

import { conversationResponseSchema } from '@/lib/chat/wire';
import {
  bearer,
  createApiToken,
  describeJsonBodyErrors,
  expectError,
  fetchConversation,
  fetchMessages,
  jsonRequest,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { POST } from './route';

const add = (account: TestAccount, id: string, body: unknown) =>
  POST(
    jsonRequest('POST', `/conversations/${id}/members`, body, withCookie(account.cookie)),
    withParams({ id }),
  );

describe('POST /api/v1/conversations/:id/members', () => {
  it('lets any member add people: 200 with them as plain members, and a history entry', async () => {
    const [owner, member, newcomer] = await signUpUsers(3);
    const group = await startGroup(owner, [member]);
    const res = await add(member, group.id, { userIds: [newcomer.user.id] });
    expect(res.status).toBe(200);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation.members.find((m) => m.id === newcomer.user.id)).toMatchObject({
      role: 'member',
      lastReadSeq: 0,
    });
    expect(conversation.members).toHaveLength(3);
    expect(conversation.lastMessage).toMatchObject({
      kind: 'system',
      system: { type: 'member.added', actorId: member.user.id, userIds: [newcomer.user.id] },
    });

    // The newcomer can now read the conversation, history included.
    const seen = await fetchConversation(newcomer, group.id);
    expect(seen.id).toBe(group.id);
    expect((await fetchMessages(newcomer, group.id)).messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('answers with a lastSeq that matches the history entry it just added', async () => {
    const [owner, member, newcomer] = await signUpUsers(3);
    const group = await startGroup(owner, [member]);
    const res = await add(owner, group.id, { userIds: [newcomer.user.id] });
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation.lastMessage?.seq).toBe(2);
    expect(conversation.lastSeq).toBe(2);
    expect(conversation).toEqual(await fetchConversation(owner, group.id));
  });

  it('ignores people who are already members (no new history entry)', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const res = await add(owner, group.id, { userIds: [member.user.id, owner.user.id] });
    expect(res.status).toBe(200);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation.members).toHaveLength(2);
    expect(conversation.lastSeq).toBe(1);
  });

  it('answers 422 naming people who do not exist, and adds nobody', async () => {
    const [owner, member, newcomer] = await signUpUsers(3);
    const group = await startGroup(owner, [member]);
    const res = await add(owner, group.id, { userIds: [newcomer.user.id, 'u_nobody'] });
    const error = await expectError(res, 422, 'validation_failed');
    expect(Object.values(error.fields ?? {}).join(' ')).toContain('u_nobody');
    expect((await fetchConversation(owner, group.id)).members).toHaveLength(2);
  });

  // Unknown ids are reported under this body's own field, so a form can show it there.
  it('reports unknown people under the body’s own field, userIds', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const res = await add(owner, group.id, { userIds: ['u_nobody'] });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({ userIds: expect.stringContaining('u_nobody') });
  });

  it('answers 422 for an empty list, or more than 100 at once', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    for (const userIds of [[], Array.from({ length: 101 }, (_, i) => `u_${i}`)]) {
      const error = await expectError(
        await add(owner, group.id, { userIds }),
        422,
        'validation_failed',
      );
      expect(error.fields).toEqual({ userIds: expect.any(String) });
    }
    const missing = await expectError(await add(owner, group.id, {}), 422, 'validation_failed');
    expect(missing.fields).toEqual({ userIds: expect.any(String) });
  });

  it('answers 403 for a direct conversation', async () => {
    const [a, b, c] = await signUpUsers(3);
    const { id } = await startDirect(a, b);
    await expectError(await add(a, id, { userIds: [c.user.id] }), 403, 'forbidden');
  });

  it('answers 404 to someone who is not a member', async () => {
    const [owner, member, outsider] = await signUpUsers(3);
    const group = await startGroup(owner, [member]);
    await expectError(
      await add(outsider, group.id, { userIds: [outsider.user.id] }),
      404,
      'not_found',
    );
    await expectError(
      await add(outsider, 'c_doesnotexist', { userIds: [member.user.id] }),
      404,
      'not_found',
    );
  });

  it('works with a bearer API token', async () => {
    const [owner, member, newcomer] = await signUpUsers(3);
    const group = await startGroup(owner, [member]);
    const { token } = await createApiToken(owner.cookie);
    const res = await POST(
      jsonRequest(
        'POST',
        `/conversations/${group.id}/members`,
        { userIds: [newcomer.user.id] },
        bearer(token),
      ),
      withParams({ id: group.id }),
    );
    expect(res.status).toBe(200);
  });

  it('answers 401 when signed out', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const res = await POST(
      jsonRequest('POST', `/conversations/${group.id}/members`, { userIds: [member.user.id] }),
      withParams({ id: group.id }),
    );
    await expectError(res, 401, 'unauthorized');
  });
});

let groupId = '';
describeJsonBodyErrors({
  method: 'POST',
  path: '/conversations/:id/members',
  handler: (req) => POST(req, withParams({ id: groupId })),
  headers: async () => {
    const owner = await signUpUser();
    groupId = (await startGroup(owner, [await signUpUser()])).id;
    return withCookie(owner.cookie);
  },
});
