import { describe, expect, it } from 'vitest';

import { DELETE as deleteMessage } from '@/app/api/v1/messages/[id]/route';
import { MAX_REACTION_KINDS } from '@/lib/chat/server/reactions';
import { messageResponseSchema } from '@/lib/chat/wire';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  fetchMessages,
  putRequest,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { DELETE, PUT } from './route';

/**
 * Calls the handler the way Next.js does: the emoji is URL-encoded in the path, and the
 * `[emoji]` param arrives decoded (Next's route matcher runs decodeURIComponent on segments).
 */
function call(
  handler: typeof PUT,
  headers: Record<string, string>,
  messageId: string,
  emoji: string,
) {
  const segment = encodeURIComponent(emoji);
  const path = `/messages/${messageId}/reactions/${segment}`;
  const req = handler === PUT ? putRequest(path, headers) : deleteRequest(path, headers);
  return handler(req, withParams({ id: messageId, emoji: decodeURIComponent(segment) }));
}

const put = (account: TestAccount, messageId: string, emoji: string) =>
  call(PUT, withCookie(account.cookie), messageId, emoji);
const unput = (account: TestAccount, messageId: string, emoji: string) =>
  call(DELETE, withCookie(account.cookie), messageId, emoji);

async function reactionsOf(res: Response) {
  expect(res.status).toBe(200);
  return messageResponseSchema.parse(await res.json()).message.reactions;
}

/** `a` wrote one message to `b`. */
async function written() {
  const [a, b] = await signUpUsers(2);
  const { id: conversationId } = await startDirect(a, b);
  const message = await sendText(a, conversationId, 'react to me');
  return { a, b, conversationId, message };
}

describe('PUT /api/v1/messages/:id/reactions/:emoji', () => {
  it('adds the caller’s reaction (👍 URL-encoded in the path)', async () => {
    const { b, conversationId, message } = await written();
    expect(encodeURIComponent('👍')).toBe('%F0%9F%91%8D');
    const res = await put(b, message.id, '👍');
    const { message: reacted } = messageResponseSchema.parse(await res.json());
    expect(reacted).toEqual({ ...message, reactions: [{ emoji: '👍', userIds: [b.user.id] }] });
    expect((await fetchMessages(b, conversationId)).messages[0]?.reactions).toEqual([
      { emoji: '👍', userIds: [b.user.id] },
    ]);
  });

  it('is idempotent: the same reaction twice counts once', async () => {
    const { b, message } = await written();
    await put(b, message.id, '🎉');
    expect(await reactionsOf(await put(b, message.id, '🎉'))).toEqual([
      { emoji: '🎉', userIds: [b.user.id] },
    ]);
  });

  it('groups people by emoji, in the order they reacted', async () => {
    const { a, b, message } = await written();
    await put(b, message.id, '👍');
    await put(a, message.id, '❤️');
    expect(await reactionsOf(await put(a, message.id, '👍'))).toEqual([
      { emoji: '👍', userIds: [b.user.id, a.user.id] },
      { emoji: '❤️', userIds: [a.user.id] },
    ]);
  });

  it.each(['❤️', '👍🏽', '👨‍👩‍👧', '🫠'])('accepts %s as one emoji', async (emoji) => {
    const { b, message } = await written();
    expect(await reactionsOf(await put(b, message.id, emoji))).toEqual([
      { emoji, userIds: [b.user.id] },
    ]);
  });

  // Flags (two regional indicators) and keycaps are single emoji too.
  it.each(['🇧🇷', '1️⃣'])('accepts %s (a flag, a keycap) as one emoji', async (emoji) => {
    const { b, message } = await written();
    expect(await reactionsOf(await put(b, message.id, emoji))).toEqual([
      { emoji, userIds: [b.user.id] },
    ]);
  });

  it.each([
    ['a letter', 'a'],
    ['two emoji', '👍👍'],
    ['an emoji with text', '👍ok'],
    ['a digit', '1'],
    ['still URL-encoded text', '%F0%9F%91%8D'],
  ])('answers 400 for %s', async (_label, emoji) => {
    const { b, message } = await written();
    const res = await PUT(
      putRequest(`/messages/${message.id}/reactions/x`, withCookie(b.cookie)),
      withParams({ id: message.id, emoji }),
    );
    const error = await expectError(res, 400, 'bad_request');
    expect(error.fields).toEqual({ emoji: 'must be a single emoji' });
  });

  it('answers 409 for a deleted message', async () => {
    const { a, b, message } = await written();
    await put(b, message.id, '👍');
    const deleted = await deleteMessage(
      deleteRequest(`/messages/${message.id}`, withCookie(a.cookie)),
      withParams({ id: message.id }),
    );
    expect(deleted.status).toBe(200);
    await expectError(await put(b, message.id, '😮'), 409, 'conflict');
    await expectError(await unput(b, message.id, '👍'), 409, 'conflict');
  });

  it('answers 403 for a system message', async () => {
    const [owner, member] = await signUpUsers(2);
    const group = await startGroup(owner, [member]);
    const [created] = (await fetchMessages(member, group.id)).messages;
    expect(created?.kind).toBe('system');
    await expectError(await put(member, created!.id, '👍'), 403, 'forbidden');
  });

  it(`answers 422 past ${MAX_REACTION_KINDS} different emoji on one message`, async () => {
    const { a, b, message } = await written();
    // 21 distinct single-codepoint pictographs: 😀 … 😔.
    const emoji = Array.from({ length: MAX_REACTION_KINDS + 1 }, (_, i) =>
      String.fromCodePoint(0x1f600 + i),
    );
    for (const e of emoji.slice(0, MAX_REACTION_KINDS))
      expect((await put(b, message.id, e)).status).toBe(200);
    await expectError(await put(b, message.id, emoji.at(-1)!), 422, 'validation_failed');
    // Joining a reaction already there is still fine.
    expect(await reactionsOf(await put(a, message.id, emoji[0]!))).toContainEqual({
      emoji: emoji[0],
      userIds: [b.user.id, a.user.id],
    });
  });

  it('answers 404 to someone who is not a member, as for an unknown message', async () => {
    const { message } = await written();
    const outsider = await signUpUser();
    for (const id of [message.id, 'm_doesnotexist'])
      await expectError(await put(outsider, id, '👍'), 404, 'not_found');
  });

  it('works with a bearer API token', async () => {
    const { b, message } = await written();
    const { token } = await createApiToken(b.cookie);
    expect(await reactionsOf(await call(PUT, bearer(token), message.id, '👍'))).toEqual([
      { emoji: '👍', userIds: [b.user.id] },
    ]);
  });

  it('answers 401 when signed out', async () => {
    const { message } = await written();
    await expectError(await call(PUT, {}, message.id, '👍'), 401, 'unauthorized');
  });
});

describe('DELETE /api/v1/messages/:id/reactions/:emoji', () => {
  it('removes the caller’s reaction only', async () => {
    const { a, b, conversationId, message } = await written();
    await put(a, message.id, '👍');
    await put(b, message.id, '👍');
    await put(b, message.id, '🎉');
    expect(await reactionsOf(await unput(b, message.id, '👍'))).toEqual([
      { emoji: '👍', userIds: [a.user.id] },
      { emoji: '🎉', userIds: [b.user.id] },
    ]);
    expect(await reactionsOf(await unput(b, message.id, '🎉'))).toEqual([
      { emoji: '👍', userIds: [a.user.id] },
    ]);
    expect((await fetchMessages(a, conversationId)).messages[0]?.reactions).toEqual([
      { emoji: '👍', userIds: [a.user.id] },
    ]);
  });

  it('answers 200 with nothing changed when there was no such reaction', async () => {
    const { b, message } = await written();
    expect(await reactionsOf(await unput(b, message.id, '👍'))).toEqual([]);
  });

  it('answers 400 for something that is not one emoji', async () => {
    const { b, message } = await written();
    const res = await DELETE(
      deleteRequest(`/messages/${message.id}/reactions/ab`, withCookie(b.cookie)),
      withParams({ id: message.id, emoji: 'ab' }),
    );
    await expectError(res, 400, 'bad_request');
  });

  it('answers 404 to someone who is not a member', async () => {
    const { b, message } = await written();
    await put(b, message.id, '👍');
    const outsider = await signUpUser();
    await expectError(await unput(outsider, message.id, '👍'), 404, 'not_found');
  });

  it('works with a bearer API token', async () => {
    const { b, message } = await written();
    await put(b, message.id, '👍');
    const { token } = await createApiToken(b.cookie);
    expect(await reactionsOf(await call(DELETE, bearer(token), message.id, '👍'))).toEqual([]);
  });

  it('answers 401 when signed out', async () => {
    const { message } = await written();
    await expectError(await call(DELETE, {}, message.id, '👍'), 401, 'unauthorized');
  });
});
