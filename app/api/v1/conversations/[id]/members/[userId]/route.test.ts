import { afterEach, describe, expect, it, vi } from 'vitest';

import { GET as getConversation } from '@/app/api/v1/conversations/[id]/route';
import { GET as listMessages } from '@/app/api/v1/conversations/[id]/messages/route';
import { getStore } from '@/lib/db';
import * as realtime from '@/lib/realtime/server/publish';
import {
  jsonRequest,
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  fetchConversation,
  getRequest,
  postMessage,
  readJson,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { conversationResponseSchema } from '@/lib/chat/wire';

import { DELETE, PATCH } from './route';

const remove = (headers: Record<string, string>, id: string, userId: string) =>
  DELETE(
    deleteRequest(`/conversations/${id}/members/${userId}`, headers),
    withParams({ id, userId }),
  );

const removeAs = (account: TestAccount, id: string, userId: string) =>
  remove(withCookie(account.cookie), id, userId);

afterEach(() => {
  vi.restoreAllMocks();
});

/** A group with an owner, an admin and two plain members. */
async function groupOfFour() {
  const [owner, admin, member, other] = await signUpUsers(4);
  const group = await startGroup(owner, [admin, member, other]);
  await (
    await getStore()
  ).updateMembership({ conversationId: group.id, userId: admin.user.id, role: 'admin' });
  return { owner, admin, member, other, group };
}

/** The ex-member gets the 404 of a stranger on every conversation route. */
async function expectLockedOut(account: TestAccount, id: string) {
  const headers = withCookie(account.cookie);
  await expectError(
    await getConversation(getRequest(`/conversations/${id}`, headers), withParams({ id })),
    404,
    'not_found',
  );
  await expectError(
    await listMessages(getRequest(`/conversations/${id}/messages`, headers), withParams({ id })),
    404,
    'not_found',
  );
  await expectError(await postMessage(account, id, { body: 'still here?' }), 404, 'not_found');
}

describe('DELETE /api/v1/conversations/:id/members/:userId', () => {
  it('lets the owner remove a member: 200, a history entry, and the ex-member gets 404', async () => {
    const { owner, member, group } = await groupOfFour();
    const res = await removeAs(owner, group.id, member.user.id);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ok: true });

    const after = await fetchConversation(owner, group.id);
    expect(after.members.map((m) => m.id)).not.toContain(member.user.id);
    expect(after.lastMessage).toMatchObject({
      kind: 'system',
      system: { type: 'member.removed', actorId: owner.user.id, userIds: [member.user.id] },
    });
    await expectLockedOut(member, group.id);
  });

  // The conversation room closes the removed person's open sockets when it hears this publish,
  // and refuses their older tokens (party/conversation.test.ts performs that part).
  it.each([
    ['removed by the owner', 'owner'],
    ['leaving', 'member'],
  ] as const)(
    'tells the conversation room once when someone goes (%s), naming them as a recipient',
    async (_, actor) => {
      const group4 = await groupOfFour();
      const { member, group } = group4;
      const publish = vi.spyOn(realtime, 'publishToConversation');
      expect((await removeAs(group4[actor], group.id, member.user.id)).status).toBe(200);
      const removals = publish.mock.calls.filter(([call]) =>
        call.events.some((e) => e.type === 'member.removed'),
      );
      expect(removals).toHaveLength(1);
      const [call] = removals[0]!;
      expect(call.conversationId).toBe(group.id);
      expect(call.events).toEqual([
        { type: 'member.removed', conversationId: group.id, userIds: [member.user.id] },
      ]);
      expect(call.recipients).toContain(member.user.id);
    },
  );

  it('lets an admin remove a plain member', async () => {
    const { admin, member, group } = await groupOfFour();
    expect((await removeAs(admin, group.id, member.user.id)).status).toBe(200);
    await expectLockedOut(member, group.id);
  });

  it('answers 403 when a plain member removes someone else', async () => {
    const { member, other, group } = await groupOfFour();
    await expectError(await removeAs(member, group.id, other.user.id), 403, 'forbidden');
    expect((await fetchConversation(other, group.id)).members).toHaveLength(4);
  });

  it('answers 403 when an admin removes the owner', async () => {
    const { owner, admin, group } = await groupOfFour();
    await expectError(await removeAs(admin, group.id, owner.user.id), 403, 'forbidden');
    expect((await fetchConversation(owner, group.id)).members).toHaveLength(4);
  });

  it('lets a plain member leave (remove themself)', async () => {
    const { owner, member, group } = await groupOfFour();
    expect((await removeAs(member, group.id, member.user.id)).status).toBe(200);
    await expectLockedOut(member, group.id);
    expect((await fetchConversation(owner, group.id)).lastMessage).toMatchObject({
      system: { type: 'member.removed', actorId: member.user.id, userIds: [member.user.id] },
    });
  });

  it('passes ownership on when the owner leaves: to an admin first, else the oldest member', async () => {
    const { owner, admin, member, group } = await groupOfFour();
    expect((await removeAs(owner, group.id, owner.user.id)).status).toBe(200);
    await expectLockedOut(owner, group.id);
    const roles = async () =>
      Object.fromEntries(
        (await fetchConversation(member, group.id)).members.map((m) => [m.id, m.role]),
      );
    expect((await roles())[admin.user.id]).toBe('owner');

    expect((await removeAs(admin, group.id, admin.user.id)).status).toBe(200);
    const owners = Object.values(await roles()).filter((role) => role === 'owner');
    expect(owners).toHaveLength(1);
  });

  it('answers 404 for someone who is not a member of the group', async () => {
    const { owner, group } = await groupOfFour();
    const stranger = await signUpUser();
    await expectError(await removeAs(owner, group.id, stranger.user.id), 404, 'not_found');
  });

  it('answers 404 to a caller who is not a member', async () => {
    const { member, group } = await groupOfFour();
    const outsider = await signUpUser();
    await expectError(await removeAs(outsider, group.id, member.user.id), 404, 'not_found');
    await expectError(await removeAs(outsider, group.id, outsider.user.id), 404, 'not_found');
    await expectError(
      await removeAs(outsider, 'c_doesnotexist', outsider.user.id),
      404,
      'not_found',
    );
  });

  it('answers 403 in a direct conversation, for oneself as for the other', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    await expectError(await removeAs(a, id, b.user.id), 403, 'forbidden');
    await expectError(await removeAs(a, id, a.user.id), 403, 'forbidden');
  });

  it('answers 400 for a user id over 64 characters', async () => {
    const { owner, group } = await groupOfFour();
    await expectError(await removeAs(owner, group.id, 'u'.repeat(65)), 400, 'bad_request');
  });

  it('works with a bearer API token', async () => {
    const { owner, member, group } = await groupOfFour();
    const { token } = await createApiToken(owner.cookie);
    expect((await remove(bearer(token), group.id, member.user.id)).status).toBe(200);
  });

  it('answers 401 when signed out', async () => {
    const { member, group } = await groupOfFour();
    await expectError(await remove({}, group.id, member.user.id), 401, 'unauthorized');
  });
});

describe('PATCH /api/v1/conversations/:id/members/:userId (role)', () => {
  const setRole = (account: TestAccount, id: string, userId: string, role: unknown) =>
    PATCH(
      jsonRequest(
        'PATCH',
        `/conversations/${id}/members/${userId}`,
        { role },
        withCookie(account.cookie),
      ),
      withParams({ id, userId }),
    );

  it('lets the owner make a member an admin and back, for everyone to see', async () => {
    const { owner, member, other, group } = await groupOfFour();
    const publish = vi.spyOn(realtime, 'publishToConversation');
    const res = await setRole(owner, group.id, member.user.id, 'admin');
    expect(res.status).toBe(200);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation.members.find((m) => m.id === member.user.id)?.role).toBe('admin');
    expect((await fetchConversation(other, group.id)).members).toContainEqual(
      expect.objectContaining({ id: member.user.id, role: 'admin' }),
    );
    expect(
      publish.mock.calls.some(([c]) => c.events.some((e) => e.type === 'conversation.updated')),
    ).toBe(true);
    // The new admin can now remove people.
    expect((await removeAs(member, group.id, other.user.id)).status).toBe(200);
    expect((await setRole(owner, group.id, member.user.id, 'member')).status).toBe(200);
    expect((await fetchConversation(owner, group.id)).members).toContainEqual(
      expect.objectContaining({ id: member.user.id, role: 'member' }),
    );
  });

  it('refuses plain members, the owner as a target, and direct conversations', async () => {
    const { owner, admin, member, other, group } = await groupOfFour();
    await expectError(await setRole(member, group.id, other.user.id, 'admin'), 403, 'forbidden');
    await expectError(await setRole(admin, group.id, owner.user.id, 'member'), 403, 'forbidden');
    const direct = await startDirect(owner, member);
    await expectError(await setRole(owner, direct.id, member.user.id, 'admin'), 403, 'forbidden');
  });

  it('is a 404 for strangers and for someone not in the group, and 422 for an unknown role', async () => {
    const { owner, group } = await groupOfFour();
    const stranger = await signUpUser();
    await expectError(await setRole(stranger, group.id, owner.user.id, 'admin'), 404, 'not_found');
    await expectError(await setRole(owner, group.id, stranger.user.id, 'admin'), 404, 'not_found');
    await expectError(
      await setRole(owner, group.id, stranger.user.id, 'owner'),
      422,
      'validation_failed',
    );
  });
});
