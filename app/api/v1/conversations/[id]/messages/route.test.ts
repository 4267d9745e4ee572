import { afterEach, describe, expect, it, vi } from 'vitest';

import { messageResponseSchema } from '@/lib/chat/wire';
import * as realtime from '@/lib/realtime/server/publish';
import {
  bearer,
  createApiToken,
  describeJsonBodyErrors,
  expectError,
  expectRetryAfter,
  fetchConversation,
  fetchMessages,
  jsonRequest,
  newClientId,
  postMessage,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
} from '@/test/api';

import { POST } from './route';

afterEach(() => {
  vi.restoreAllMocks();
});

const pair = async () => {
  const [a, b] = await signUpUsers(2);
  const conversation = await startDirect(a, b);
  return { a, b, id: conversation.id };
};

const messageOf = async (res: Response) => messageResponseSchema.parse(await res.json()).message;

describe('POST /api/v1/conversations/:id/messages', () => {
  it('answers 201 with the message, numbered 1, 2, 3 in the conversation', async () => {
    const { a, b, id } = await pair();
    const clientId = newClientId();
    const res = await postMessage(a, id, { body: '  hello there  ', clientId });
    expect(res.status).toBe(201);
    const first = await messageOf(res);
    expect(first).toEqual({
      id: expect.stringMatching(/^m_/),
      conversationId: id,
      seq: 1,
      authorId: a.user.id,
      kind: 'user',
      body: 'hello there',
      clientId,
      replyToId: null,
      replyTo: null,
      attachments: [],
      mentions: [],
      reactions: [],
      system: null,
      threadRootId: null,
      alsoInConversation: false,
      thread: null,
      createdAt: expect.any(String),
      editedAt: null,
      deletedAt: null,
    });
    expect((await sendText(b, id, 'second')).seq).toBe(2);
    expect((await sendText(a, id, 'third')).seq).toBe(3);
    expect((await fetchMessages(b, id)).messages.map((m) => [m.seq, m.body])).toEqual([
      [1, 'hello there'],
      [2, 'second'],
      [3, 'third'],
    ]);
  });

  it('answers 200 with the stored message for a retried clientId, without a new seq', async () => {
    const { a, id } = await pair();
    const clientId = newClientId();
    const first = await messageOf(await postMessage(a, id, { body: 'once', clientId }));

    const retry = await postMessage(a, id, { body: 'once', clientId });
    expect(retry.status).toBe(200);
    expect(await messageOf(retry)).toEqual(first);

    expect((await sendText(a, id, 'next')).seq).toBe(2);
    expect((await fetchMessages(a, id)).messages).toHaveLength(2);
    expect((await fetchConversation(a, id)).lastSeq).toBe(2);
  });

  it('keeps clientIds per author: the same clientId from someone else is a new message', async () => {
    const { a, b, id } = await pair();
    const clientId = newClientId();
    await sendText(a, id, 'from a', { clientId });
    const fromB = await sendText(b, id, 'from b', { clientId });
    expect(fromB).toMatchObject({ seq: 2, authorId: b.user.id, body: 'from b' });
  });

  it('publishes message.created to the conversation, with every member as a recipient', async () => {
    const [owner, m1, m2] = await signUpUsers(3);
    const group = await startGroup(owner, [m1, m2]);
    const publish = vi.spyOn(realtime, 'publishToConversation');

    const message = await sendText(m1, group.id, 'hello all');
    expect(publish).toHaveBeenCalledTimes(1);
    const [call] = publish.mock.calls[0]!;
    expect(call.conversationId).toBe(group.id);
    expect([...call.recipients].sort()).toEqual([owner.user.id, m1.user.id, m2.user.id].sort());
    expect(call.events).toEqual([
      { type: 'message.created', conversationId: group.id, seq: message.seq, message },
    ]);

    // A retry publishes nothing new.
    publish.mockClear();
    await postMessage(m1, group.id, { body: 'hello all', clientId: message.clientId! });
    expect(publish).not.toHaveBeenCalled();
  });

  it('adds a preview of the message replied to', async () => {
    const { a, b, id } = await pair();
    const original = await sendText(a, id, 'What time is it?');
    const reply = await sendText(b, id, 'Noon', { replyToId: original.id });
    expect(reply.replyToId).toBe(original.id);
    expect(reply.replyTo).toEqual({
      id: original.id,
      authorId: a.user.id,
      body: 'What time is it?',
      deleted: false,
    });
    const listed = (await fetchMessages(a, id)).messages.find((m) => m.id === reply.id);
    expect(listed?.replyTo).toEqual(reply.replyTo);
  });

  it('shows the preview of a reply to a message that is not in the page', async () => {
    const { a, b, id } = await pair();
    const original = await sendText(a, id, 'x'.repeat(300));
    const reply = await sendText(b, id, 'answer', { replyToId: original.id });
    const { messages } = await fetchMessages(a, id, `after=${original.seq}`);
    expect(messages.map((m) => m.id)).toEqual([reply.id]);
    // Previews are cut to 140 characters.
    expect(messages[0]?.replyTo).toEqual({
      id: original.id,
      authorId: a.user.id,
      body: 'x'.repeat(140),
      deleted: false,
    });
  });

  it('answers 422 for a reply to a message of another conversation, or none', async () => {
    const { a, b, id } = await pair();
    const elsewhere = await startGroup(a, [b]);
    const foreign = await sendText(a, elsewhere.id, 'over there');
    for (const replyToId of [foreign.id, 'm_doesnotexist']) {
      const error = await expectError(
        await postMessage(a, id, { body: 'reply', replyToId }),
        422,
        'validation_failed',
      );
      expect(error.fields).toEqual({ replyToId: expect.any(String) });
    }
    expect((await fetchConversation(a, id)).lastSeq).toBe(0);
  });

  it('lists the members mentioned as @Name', async () => {
    const owner = await signUpUser({ name: 'Olga' });
    const ana = await signUpUser({ name: 'Ana Lima' });
    const bo = await signUpUser({ name: 'Bo' });
    const stranger = await signUpUser({ name: 'Stranger' });
    const group = await startGroup(owner, [ana, bo]);
    const message = await sendText(
      owner,
      group.id,
      '@ana lima and @Bo, ask @Stranger; mail bo@example.com, @Bo again',
    );
    // Not the stranger (no member), not the e-mail address, and Bo only once.
    expect(message.mentions).toEqual([ana.user.id, bo.user.id]);
    expect(message.mentions).not.toContain(stranger.user.id);
    expect((await sendText(owner, group.id, 'no mentions here')).mentions).toEqual([]);
  });

  it('accepts a message of exactly 4000 characters', async () => {
    const { a, id } = await pair();
    expect((await sendText(a, id, 'y'.repeat(4000))).body).toHaveLength(4000);
  });

  it.each([
    ['an empty body', { body: '' }, 'body'],
    ['a body of spaces only', { body: '  \n\t ' }, 'body'],
    ['a body over 4000 characters', { body: 'y'.repeat(4001) }, 'body'],
    ['a missing body', { body: undefined }, 'body'],
    ['a clientId under 8 characters', { clientId: 'abc' }, 'clientId'],
    ['a clientId with other characters', { clientId: 'not a uuid!' }, 'clientId'],
    ['a clientId over 64 characters', { clientId: 'c'.repeat(65) }, 'clientId'],
    ['a missing clientId', { clientId: undefined }, 'clientId'],
    [
      'more than 10 attachments',
      { attachmentIds: Array.from({ length: 11 }, (_, i) => `up_${i}`) },
      'attachmentIds',
    ],
  ])('answers 422 for %s', async (_label, input, field) => {
    const { a, id } = await pair();
    const res = await POST(
      jsonRequest(
        'POST',
        `/conversations/${id}/messages`,
        { body: 'hello', clientId: newClientId(), ...input },
        withCookie(a.cookie),
      ),
      withParams({ id }),
    );
    const error = await expectError(res, 422, 'validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect((await fetchConversation(a, id)).lastSeq).toBe(0);
  });

  it('answers 429 with Retry-After for the 21st message within 10 seconds', async () => {
    const { a, id } = await pair();
    for (let i = 1; i <= 20; i++)
      expect((await postMessage(a, id, { body: `#${i}` })).status).toBe(201);
    const res = await postMessage(a, id, { body: 'one too many' });
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 10);
    expect((await fetchConversation(a, id)).lastSeq).toBe(20);
  });

  it('answers 404 to someone who is not a member, and to an unknown conversation', async () => {
    const { a, b, id } = await pair();
    const group = await startGroup(a, [b]);
    const outsider = await signUpUser();
    for (const target of [id, group.id, 'c_doesnotexist'])
      await expectError(await postMessage(outsider, target, { body: 'hi' }), 404, 'not_found');
    expect((await fetchConversation(a, id)).lastSeq).toBe(0);
  });

  it('works with a bearer API token', async () => {
    const { a, id } = await pair();
    const { token } = await createApiToken(a.cookie);
    const res = await postMessage(a, id, { body: 'scripted' }, bearer(token));
    expect(res.status).toBe(201);
    expect((await messageOf(res)).authorId).toBe(a.user.id);
  });

  it('answers 401 when signed out', async () => {
    const { a, id } = await pair();
    await expectError(await postMessage(a, id, { body: 'anon' }, {}), 401, 'unauthorized');
  });
});

let bodyErrorsConversation = '';
describeJsonBodyErrors({
  method: 'POST',
  path: '/conversations/:id/messages',
  handler: (req) => POST(req, withParams({ id: bodyErrorsConversation })),
  headers: async () => {
    const { a, id } = await pair();
    bodyErrorsConversation = id;
    return withCookie(a.cookie);
  },
});
