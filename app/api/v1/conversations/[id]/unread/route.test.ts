import { afterEach, describe, expect, it, vi } from 'vitest';

import { POST as markRead } from '@/app/api/v1/conversations/[id]/read/route';
import { conversationResponseSchema } from '@/lib/chat/wire';
import * as realtime from '@/lib/realtime/server/publish';
import {
  expectError,
  fetchConversation,
  jsonRequest,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { POST } from './route';

const unread = (account: TestAccount, id: string, body: unknown) =>
  POST(
    jsonRequest('POST', `/conversations/${id}/unread`, body, withCookie(account.cookie)),
    withParams({ id }),
  );

afterEach(() => {
  vi.restoreAllMocks();
});

/** `b` has read five messages from `a`. */
async function fiveRead() {
  const [a, b] = await signUpUsers(2);
  const { id } = await startDirect(a, b);
  const messages = [];
  for (let i = 1; i <= 5; i++) messages.push(await sendText(a, id, `#${i}`));
  const res = await markRead(
    jsonRequest('POST', `/conversations/${id}/read`, { seq: 99 }, withCookie(b.cookie)),
    withParams({ id }),
  );
  expect(res.status).toBe(200);
  return { a, b, id, messages };
}

describe('POST /api/v1/conversations/:id/unread', () => {
  it('moves the read position back to just before the message: the badge returns', async () => {
    const { b, id, messages } = await fiveRead();
    expect((await fetchConversation(b, id)).unreadCount).toBe(0);
    const third = messages[2]!;
    const res = await unread(b, id, { seq: third.seq });
    expect(res.status).toBe(200);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation.lastReadSeq).toBe(third.seq - 1);
    expect(conversation.unreadCount).toBe(3);
    expect(await fetchConversation(b, id)).toMatchObject({ unreadCount: 3 });
  });

  it("tells only the caller's own tabs", async () => {
    const { b, id, messages } = await fiveRead();
    const publish = vi.spyOn(realtime, 'publish');
    expect((await unread(b, id, { seq: messages[4]!.seq })).status).toBe(200);
    expect(publish).toHaveBeenCalledWith({
      party: 'main',
      room: b.user.id,
      events: [{ type: 'conversation.updated', conversationId: id }],
    });
  });

  it('never moves the position forward', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    for (let i = 1; i <= 3; i++) await sendText(a, id, `#${i}`);
    const res = await unread(b, id, { seq: 3 });
    expect(conversationResponseSchema.parse(await res.json()).conversation.lastReadSeq).toBe(0);
  });

  it('is a 404 for someone outside the conversation, and a 422 for a bad seq', async () => {
    const { b, id } = await fiveRead();
    const stranger = await signUpUser();
    await expectError(await unread(stranger, id, { seq: 1 }), 404, 'not_found');
    await expectError(await unread(b, id, { seq: 0 }), 422, 'validation_failed');
    await expectError(await unread(b, id, { seq: 'x' }), 422, 'validation_failed');
  });
});
