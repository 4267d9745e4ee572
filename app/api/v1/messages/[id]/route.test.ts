import { describe, expect, it } from 'vitest';

import { DELETE as removeMember } from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { PUT as react } from '@/app/api/v1/messages/[id]/reactions/[emoji]/route';
import { messageResponseSchema } from '@/lib/chat/wire';
import {
  bearer,
  createApiToken,
  deleteRequest,
  describeJsonBodyErrors,
  expectError,
  fetchMessages,
  jsonRequest,
  putRequest,
  readJson,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  uploadImage,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { DELETE, PATCH } from './route';

const edit = (headers: Record<string, string>, id: string, body: unknown) =>
  PATCH(jsonRequest('PATCH', `/messages/${id}`, body, headers), withParams({ id }));
const remove = (headers: Record<string, string>, id: string) =>
  DELETE(deleteRequest(`/messages/${id}`, headers), withParams({ id }));

/** `a` wrote one message to `b`. */
async function written(body = 'first draft') {
  const [a, b] = await signUpUsers(2);
  const { id: conversationId } = await startDirect(a, b);
  const message = await sendText(a, conversationId, body);
  return { a, b, conversationId, message };
}

const inHistory = async (account: TestAccount, conversationId: string, messageId: string) =>
  (await fetchMessages(account, conversationId)).messages.find((m) => m.id === messageId);

describe('PATCH /api/v1/messages/:id', () => {
  it('lets the author edit: 200 with the new body and editedAt set', async () => {
    const { a, b, conversationId, message } = await written();
    const res = await edit(withCookie(a.cookie), message.id, { body: '  final text  ' });
    expect(res.status).toBe(200);
    const { message: edited } = messageResponseSchema.parse(await res.json());
    expect(edited).toEqual({ ...message, body: 'final text', editedAt: expect.any(String) });
    expect(Date.parse(edited.editedAt!)).toBeGreaterThanOrEqual(Date.parse(message.createdAt));
    expect(await inHistory(b, conversationId, message.id)).toEqual(edited);
  });

  it('leaves editedAt unset when the body is unchanged', async () => {
    const { a, message } = await written('same');
    const res = await edit(withCookie(a.cookie), message.id, { body: 'same' });
    expect(res.status).toBe(200);
    expect(messageResponseSchema.parse(await res.json()).message.editedAt).toBeNull();
  });

  it('recomputes mentions from the new text', async () => {
    const owner = await signUpUser({ name: 'Olga' });
    const ana = await signUpUser({ name: 'Ana' });
    const group = await startGroup(owner, [ana]);
    const message = await sendText(owner, group.id, 'hello');
    expect(message.mentions).toEqual([]);
    const res = await edit(withCookie(owner.cookie), message.id, { body: 'hello @Ana' });
    expect(messageResponseSchema.parse(await res.json()).message.mentions).toEqual([ana.user.id]);
  });

  it('answers 403 to a member who is not the author', async () => {
    const { b, conversationId, message } = await written();
    await expectError(
      await edit(withCookie(b.cookie), message.id, { body: 'rewritten' }),
      403,
      'forbidden',
    );
    expect((await inHistory(b, conversationId, message.id))?.body).toBe('first draft');
  });

  it('answers 409 for a deleted message', async () => {
    const { a, message } = await written();
    expect((await remove(withCookie(a.cookie), message.id)).status).toBe(200);
    await expectError(
      await edit(withCookie(a.cookie), message.id, { body: 'revived' }),
      409,
      'conflict',
    );
  });

  it('answers 404 to someone who is not a member, as for an unknown message', async () => {
    const { message } = await written();
    const outsider = await signUpUser();
    for (const id of [message.id, 'm_doesnotexist'])
      await expectError(
        await edit(withCookie(outsider.cookie), id, { body: 'x' }),
        404,
        'not_found',
      );
  });

  it('answers 404 to the author once they have left the group', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const message = await sendText(member, group.id, 'before leaving');
    const left = await removeMember(
      deleteRequest(
        `/conversations/${group.id}/members/${member.user.id}`,
        withCookie(member.cookie),
      ),
      withParams({ id: group.id, userId: member.user.id }),
    );
    expect(left.status).toBe(200);
    await expectError(
      await edit(withCookie(member.cookie), message.id, { body: 'x' }),
      404,
      'not_found',
    );
    await expectError(await remove(withCookie(member.cookie), message.id), 404, 'not_found');
  });

  it.each([
    ['an empty body', { body: '' }],
    ['a body of spaces only', { body: '   ' }],
    ['a body over 4000 characters', { body: 'z'.repeat(4001) }],
    ['a missing body', {}],
    ['a body that is not a string', { body: 42 }],
  ])('answers 422 for %s', async (_label, body) => {
    const { a, message } = await written();
    const error = await expectError(
      await edit(withCookie(a.cookie), message.id, body),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ body: expect.any(String) });
  });

  it('works with a bearer API token', async () => {
    const { a, message } = await written();
    const { token } = await createApiToken(a.cookie);
    expect((await edit(bearer(token), message.id, { body: 'scripted' })).status).toBe(200);
  });

  it('answers 401 when signed out', async () => {
    const { message } = await written();
    await expectError(await edit({}, message.id, { body: 'x' }), 401, 'unauthorized');
  });
});

describe('DELETE /api/v1/messages/:id', () => {
  it('leaves a tombstone: empty body, deletedAt set, no attachments, reactions or mentions', async () => {
    const owner = await signUpUser({ name: 'Olga' });
    const ana = await signUpUser({ name: 'Ana' });
    const group = await startGroup(owner, [ana]);
    const upload = await uploadImage(owner);
    const message = await sendText(owner, group.id, 'secret @Ana', { attachmentIds: [upload.id] });
    expect(message.attachments).toHaveLength(1);
    const reacted = await react(
      putRequest(
        `/messages/${message.id}/reactions/${encodeURIComponent('👍')}`,
        withCookie(ana.cookie),
      ),
      withParams({ id: message.id, emoji: '👍' }),
    );
    expect(messageResponseSchema.parse(await reacted.json()).message.reactions).toHaveLength(1);

    const res = await remove(withCookie(owner.cookie), message.id);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ok: true });

    const tombstone = await inHistory(ana, group.id, message.id);
    expect(tombstone).toEqual({
      ...message,
      body: '',
      attachments: [],
      mentions: [],
      reactions: [],
      deletedAt: expect.any(String),
    });
  });

  it('shows a reply to a deleted message with an empty, deleted preview', async () => {
    const { a, b, conversationId, message } = await written('to be removed');
    const reply = await sendText(b, conversationId, 'answer', { replyToId: message.id });
    await remove(withCookie(a.cookie), message.id);
    expect((await inHistory(b, conversationId, reply.id))?.replyTo).toEqual({
      id: message.id,
      authorId: a.user.id,
      body: '',
      deleted: true,
    });
  });

  it('answers 403 to a member who is not the author', async () => {
    const { b, conversationId, message } = await written();
    await expectError(await remove(withCookie(b.cookie), message.id), 403, 'forbidden');
    expect((await inHistory(b, conversationId, message.id))?.deletedAt).toBeNull();
  });

  it('answers 409 when the message is already deleted', async () => {
    const { a, message } = await written();
    expect((await remove(withCookie(a.cookie), message.id)).status).toBe(200);
    await expectError(await remove(withCookie(a.cookie), message.id), 409, 'conflict');
  });

  it('answers 403 for a system message', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const [created] = (await fetchMessages(owner, group.id)).messages;
    expect(created?.kind).toBe('system');
    await expectError(await remove(withCookie(owner.cookie), created!.id), 403, 'forbidden');
  });

  it('answers 404 to someone who is not a member, as for an unknown message', async () => {
    const { message } = await written();
    const outsider = await signUpUser();
    for (const id of [message.id, 'm_doesnotexist'])
      await expectError(await remove(withCookie(outsider.cookie), id), 404, 'not_found');
  });

  it('answers 400 for an id over 64 characters', async () => {
    const { a } = await written();
    await expectError(await remove(withCookie(a.cookie), 'm'.repeat(65)), 400, 'bad_request');
  });

  it('works with a bearer API token', async () => {
    const { a, message } = await written();
    const { token } = await createApiToken(a.cookie);
    expect((await remove(bearer(token), message.id)).status).toBe(200);
  });

  it('answers 401 when signed out', async () => {
    const { message } = await written();
    await expectError(await remove({}, message.id), 401, 'unauthorized');
  });
});

let bodyErrorsMessage = '';
describeJsonBodyErrors({
  method: 'PATCH',
  path: '/messages/:id',
  handler: (req) => PATCH(req, withParams({ id: bodyErrorsMessage })),
  headers: async () => {
    const { a, message } = await written();
    bodyErrorsMessage = message.id;
    return withCookie(a.cookie);
  },
});
