import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  DELETE as removeMemberRoute,
  PATCH as setRoleRoute,
} from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { PUT as setPolicyRoute } from '@/app/api/v1/conversations/[id]/pin-policy/route';
import { GET as listPinsRoute } from '@/app/api/v1/conversations/[id]/pins/route';
import { DELETE as deleteMessageRoute } from '@/app/api/v1/messages/[id]/route';
import { getStore } from '@/lib/db';
import { MAX_PINS } from '@/lib/db/ports/pins';
import { pinResponseSchema, pinsResponseSchema } from '@/lib/pins/schemas';
import * as realtime from '@/lib/realtime/server/publish';
import {
  bearer,
  createApiToken,
  deleteRequest,
  describeJsonBodyErrors,
  expectError,
  fetchMessages,
  getRequest,
  jsonRequest,
  putRequest,
  sendText,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { DELETE, PUT } from './route';

afterEach(() => {
  vi.restoreAllMocks();
});

const as = (account: TestAccount) => withCookie(account.cookie);
const pin = (account: TestAccount, id: string) =>
  PUT(putRequest(`/messages/${id}/pin`, as(account)), withParams({ id }));
const unpin = (account: TestAccount, id: string) =>
  DELETE(deleteRequest(`/messages/${id}/pin`, as(account)), withParams({ id }));
const listPins = (account: TestAccount, id: string) =>
  listPinsRoute(getRequest(`/conversations/${id}/pins`, as(account)), withParams({ id }));
const pins = async (account: TestAccount, id: string) => {
  const res = await listPins(account, id);
  expect(res.status).toBe(200);
  return pinsResponseSchema.parse(await res.json());
};
const setPolicy = (account: TestAccount, id: string, body: unknown) =>
  setPolicyRoute(
    jsonRequest('PUT', `/conversations/${id}/pin-policy`, body, as(account)),
    withParams({ id }),
  );

describe('PUT and DELETE /api/v1/messages/:id/pin', () => {
  it('lets anyone in a DM pin and unpin, live for both, with "pinned a message" posted once', async () => {
    const [ana, ben] = await signUpUsers(2);
    const dm = await startDirect(ana, ben);
    const message = await sendText(ana, dm.id, 'The address is 12 Rue X');
    const publish = vi.spyOn(realtime, 'publishToConversation');
    const res = await pin(ben, message.id);
    expect(res.status).toBe(200);
    expect(pinResponseSchema.parse(await res.json()).pin).toMatchObject({
      message: { id: message.id },
      pinnedBy: ben.user.id,
    });
    const events = publish.mock.calls.flatMap(([call]) => call.events);
    expect(events.map((e) => e.type)).toEqual(['message.created', 'pin.changed']);
    expect(events[0]).toMatchObject({
      message: { kind: 'system', system: { type: 'message.pinned', actorId: ben.user.id } },
    });
    expect(events[1]).toEqual({
      type: 'pin.changed',
      conversationId: dm.id,
      messageId: message.id,
      pinned: true,
      userId: ben.user.id,
    });
    expect([...publish.mock.calls[1]![0].recipients].sort()).toEqual(
      [ana.user.id, ben.user.id].sort(),
    );
    // Pinning again changes nothing and posts nothing.
    publish.mockClear();
    expect((await pin(ana, message.id)).status).toBe(200);
    expect(publish).not.toHaveBeenCalled();
    expect((await pins(ana, dm.id)).pins.map((p) => p.message.id)).toEqual([message.id]);

    const off = await unpin(ana, message.id);
    expect(off.status).toBe(200);
    expect(publish.mock.calls.flatMap(([c]) => c.events)).toEqual([
      {
        type: 'pin.changed',
        conversationId: dm.id,
        messageId: message.id,
        pinned: false,
        userId: ana.user.id,
      },
    ]);
    expect((await pins(ben, dm.id)).pins).toEqual([]);
    expect((await unpin(ana, message.id)).status).toBe(200);
    const systems = (await fetchMessages(ana, dm.id)).messages.filter((m) => m.kind === 'system');
    expect(systems).toHaveLength(1);
  });

  it('in a group lets admins and the author pin, others get 403 until the group lets everyone', async () => {
    const [owner, author, other] = await signUpUsers(3);
    const group = await startGroup(owner, [author, other]);
    const message = await sendText(author, group.id, 'Agenda');
    await expectError(await pin(other, message.id), 403, 'forbidden');
    expect((await pin(author, message.id)).status).toBe(200);
    await expectError(await unpin(other, message.id), 403, 'forbidden');
    expect((await unpin(owner, message.id)).status).toBe(200);
    expect((await pins(other, group.id)).canPinAny).toBe(false);
    expect((await pins(owner, group.id)).canPinAny).toBe(true);

    await expectError(await setPolicy(other, group.id, { policy: 'everyone' }), 403, 'forbidden');
    const set = await setPolicy(owner, group.id, { policy: 'everyone' });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ policy: 'everyone' });
    expect(await pins(other, group.id)).toMatchObject({ policy: 'everyone', canPinAny: true });
    expect((await pin(other, message.id)).status).toBe(200);
  });

  it('under the default, an admin pins and unpins anyone’s message; the author only their own', async () => {
    const [owner, admin, author, other] = await signUpUsers(4);
    const group = await startGroup(owner, [admin, author, other]);
    await setRole(owner, group.id, admin.user.id, 'admin');
    const byOther = await sendText(other, group.id, 'Minutes');
    const byAuthor = await sendText(author, group.id, 'Agenda');
    expect((await pin(admin, byOther.id)).status).toBe(200);
    // The author may not unpin someone else's message, nor pin one.
    await expectError(await unpin(author, byOther.id), 403, 'forbidden');
    expect((await pin(author, byAuthor.id)).status).toBe(200);
    // Their own message, pinned, they may unpin; an admin may unpin any.
    expect((await unpin(author, byAuthor.id)).status).toBe(200);
    expect((await unpin(admin, byOther.id)).status).toBe(200);
    expect((await pins(admin, group.id)).canPinAny).toBe(true);
    expect((await pins(author, group.id)).canPinAny).toBe(false);
  });

  it('back to "admins and the author", members lose pinning others’ messages again', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const message = await sendText(owner, group.id, 'Rules');
    await setPolicy(owner, group.id, { policy: 'everyone' });
    expect((await pin(member, message.id)).status).toBe(200);
    expect((await setPolicy(owner, group.id, { policy: 'admins_and_author' })).status).toBe(200);
    await expectError(await unpin(member, message.id), 403, 'forbidden');
    expect(await pins(member, group.id)).toMatchObject({
      policy: 'admins_and_author',
      canPinAny: false,
    });
  });

  it('in a DM the policy reads "everyone": either person pins the other’s message', async () => {
    const [ana, ben] = await signUpUsers(2);
    const dm = await startDirect(ana, ben);
    expect(await pins(ana, dm.id)).toMatchObject({ policy: 'everyone', canPinAny: true });
    const message = await sendText(ben, dm.id, 'Ticket number');
    expect((await pin(ana, message.id)).status).toBe(200);
  });

  it('refuses the 51st pin with a clear 422', async () => {
    const [ana, ben] = await signUpUsers(2);
    const dm = await startDirect(ana, ben);
    const store = await getStore();
    const ids: string[] = [];
    for (let i = 0; i <= MAX_PINS; i++) {
      const { message } = await store.createMessage({
        conversationId: dm.id,
        authorId: ana.user.id,
        body: `m${i}`,
      });
      ids.push(message.id);
    }
    for (const id of ids.slice(0, MAX_PINS))
      await store.pinMessage({ conversationId: dm.id, messageId: id, userId: ana.user.id });
    const error = await expectError(await pin(ana, ids[MAX_PINS]!), 422, 'validation_failed');
    expect(error.message).toMatch(/at most 50 pinned messages/);
  });

  it('refuses a deleted message (409) and a system message (422); deleting a pinned one unpins it', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const system = (await fetchMessages(owner, group.id)).messages.find((m) => m.kind === 'system');
    await expectError(await pin(owner, system!.id), 422, 'validation_failed');
    const message = await sendText(owner, group.id, 'soon gone');
    expect((await pin(owner, message.id)).status).toBe(200);
    const publish = vi.spyOn(realtime, 'publishToConversation');
    await deleteMessageRoute(
      deleteRequest(`/messages/${message.id}`, as(owner)),
      withParams({ id: message.id }),
    );
    expect(publish.mock.calls.flatMap(([c]) => c.events).map((e) => e.type)).toContain(
      'pin.changed',
    );
    expect((await pins(member, group.id)).pins).toEqual([]);
    await expectError(await pin(owner, message.id), 409, 'conflict');
  });

  it('answers 404 to non-members and for unknown messages', async () => {
    const [ana, ben, stranger] = await signUpUsers(3);
    const dm = await startDirect(ana, ben);
    const message = await sendText(ana, dm.id, 'private');
    await expectError(await pin(stranger, message.id), 404, 'not_found');
    await expectError(await unpin(stranger, message.id), 404, 'not_found');
    await expectError(await pin(ana, 'm_unknown'), 404, 'not_found');
    await expectError(await listPins(stranger, dm.id), 404, 'not_found');
    await expectError(await setPolicy(stranger, dm.id, { policy: 'everyone' }), 404, 'not_found');
  });
});

const setRole = (owner: TestAccount, id: string, userId: string, role: 'admin' | 'member') =>
  setRoleRoute(
    jsonRequest('PATCH', `/conversations/${id}/members/${userId}`, { role }, as(owner)),
    withParams({ id, userId }),
  );

describe('PUT /api/v1/conversations/:id/pin-policy', () => {
  it('lets an admin (not only the owner) choose, announced to every member', async () => {
    const [owner, admin, member] = await signUpUsers(3);
    const group = await startGroup(owner, [admin, member]);
    expect((await setRole(owner, group.id, admin.user.id, 'admin')).status).toBe(200);
    const publish = vi.spyOn(realtime, 'publishToConversation');
    const res = await setPolicy(admin, group.id, { policy: 'everyone' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ policy: 'everyone' });
    const [call] = publish.mock.calls.map(([c]) => c);
    expect(call!.events).toEqual([{ type: 'conversation.updated', conversationId: group.id }]);
    expect([...call!.recipients].sort()).toEqual(
      [owner.user.id, admin.user.id, member.user.id].sort(),
    );
    // Setting it again is allowed and changes nothing.
    expect((await setPolicy(admin, group.id, { policy: 'everyone' })).status).toBe(200);
    expect((await pins(member, group.id)).policy).toBe('everyone');
  });

  it('refuses a member, and an admin who was made a member again (403)', async () => {
    const [owner, admin] = await signUpUsers(2);
    const group = await startGroup(owner, [admin]);
    await setRole(owner, group.id, admin.user.id, 'admin');
    expect((await setPolicy(admin, group.id, { policy: 'everyone' })).status).toBe(200);
    await setRole(owner, group.id, admin.user.id, 'member');
    await expectError(
      await setPolicy(admin, group.id, { policy: 'admins_and_author' }),
      403,
      'forbidden',
    );
    expect((await pins(owner, group.id)).policy).toBe('everyone');
  });

  it('answers through an API token as through the session, and 401 to anonymous callers', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const { token } = await createApiToken(owner.cookie);
    const res = await setPolicyRoute(
      jsonRequest(
        'PUT',
        `/conversations/${group.id}/pin-policy`,
        { policy: 'everyone' },
        bearer(token),
      ),
      withParams({ id: group.id }),
    );
    expect(res.status).toBe(200);
    await expectError(
      await setPolicyRoute(
        jsonRequest('PUT', `/conversations/${group.id}/pin-policy`, { policy: 'everyone' }),
        withParams({ id: group.id }),
      ),
      401,
      'unauthorized',
    );
  });

  it('answers 404 for an unknown conversation and one the caller left', async () => {
    const [owner, member] = await signUpUsers(2);
    await expectError(
      await setPolicy(owner, 'c_unknown', { policy: 'everyone' }),
      404,
      'not_found',
    );
    const group = await startGroup(member, [owner]);
    const left = await removeMemberRoute(
      deleteRequest(`/conversations/${group.id}/members/${owner.user.id}`, as(owner)),
      withParams({ id: group.id, userId: owner.user.id }),
    );
    expect(left.status).toBe(200);
    await expectError(await setPolicy(owner, group.id, { policy: 'everyone' }), 404, 'not_found');
  });

  it('refuses direct conversations (403) and unknown policies (422)', async () => {
    const [ana, ben] = await signUpUsers(2);
    const dm = await startDirect(ana, ben);
    await expectError(await setPolicy(ana, dm.id, { policy: 'everyone' }), 403, 'forbidden');
    const group = await startGroup(ana, [ben]);
    await expectError(
      await setPolicy(ana, group.id, { policy: 'anyone' }),
      422,
      'validation_failed',
    );
  });

  describeJsonBodyErrors({
    method: 'PUT',
    path: '/conversations/c_x/pin-policy',
    handler: (req) => setPolicyRoute(req, withParams({ id: 'c_x' })),
    headers: async () => as((await signUpUsers(1))[0]),
  });
});
