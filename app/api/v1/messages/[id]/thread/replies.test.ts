/** Sending thread replies: POST /conversations/:id/messages with threadRootId. */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DELETE as deleteMessageRoute } from '@/app/api/v1/messages/[id]/route';
import { messageResponseSchema } from '@/lib/chat/wire';
import * as realtime from '@/lib/realtime/server/publish';
import { threadResponseSchema } from '@/lib/threads/schemas';
import {
  deleteRequest,
  expectError,
  fetchMessages,
  newClientId,
  postMessage,
  sendText,
  signUpUsers,
  startDirect,
  withParams,
} from '@/test/api';
import { as, getThread, started } from '@/test/api-threads';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('POST /api/v1/conversations/:id/messages with threadRootId', () => {
  it('stores a reply with the conversation’s next seq; the root shows its summary', async () => {
    const { ana, ben, group, root } = await started();
    const reply = await sendText(ben, group.id, 'Pizza', { threadRootId: root.id });
    expect(reply).toMatchObject({
      seq: root.seq + 1,
      threadRootId: root.id,
      alsoInConversation: false,
      thread: null,
    });
    const after = await sendText(ana, group.id, 'Main timeline');
    expect(after.seq).toBe(root.seq + 2);
    // Resync by seq is unchanged: the conversation's page holds the reply too, marked.
    const { messages } = await fetchMessages(ana, group.id);
    expect(messages.slice(-3).map((m) => [m.seq, m.threadRootId])).toEqual([
      [root.seq, null],
      [root.seq + 1, root.id],
      [root.seq + 2, null],
    ]);
    expect(messages.at(-3)!.thread).toEqual({
      replyCount: 1,
      lastReplySeq: reply.seq,
      lastReplyAt: reply.createdAt,
      participantIds: [ben.user.id],
    });
  });

  it('marks a reply also sent to the conversation', async () => {
    const { ben, group, root } = await started();
    const reply = await sendText(ben, group.id, 'Also here', {
      threadRootId: root.id,
      alsoSendToConversation: true,
    });
    expect(reply.alsoInConversation).toBe(true);
  });

  it('answers a retried reply (same clientId) with the stored one, counted once', async () => {
    const { ben, group, root } = await started();
    const clientId = newClientId();
    const first = await postMessage(ben, group.id, { body: 'x', clientId, threadRootId: root.id });
    expect(first.status).toBe(201);
    const retry = await postMessage(ben, group.id, { body: 'x', clientId, threadRootId: root.id });
    expect(retry.status).toBe(200);
    const { root: after } = threadResponseSchema.parse(
      await (await getThread(ben, root.id)).json(),
    );
    expect(after.thread?.replyCount).toBe(1);
  });

  it('publishes the reply and thread.updated with the root’s new summary', async () => {
    const { ben, group, root } = await started();
    const publish = vi.spyOn(realtime, 'publishToConversation');
    const reply = await sendText(ben, group.id, 'Sushi', { threadRootId: root.id });
    const events = publish.mock.calls.flatMap(([call]) => call.events);
    expect(events.map((e) => e.type)).toEqual(['message.created', 'thread.updated']);
    expect(events[1]).toMatchObject({
      type: 'thread.updated',
      conversationId: group.id,
      rootId: root.id,
      root: { id: root.id, thread: { replyCount: 1, lastReplySeq: reply.seq } },
    });
  });

  it('refuses a root elsewhere, a reply as root, a system message, and also-send without a root (422)', async () => {
    const { ana, ben, group, root } = await started();
    const other = await startDirect(ana, ben);
    const elsewhere = await sendText(ana, other.id, 'dm');
    await expectError(
      await postMessage(ana, group.id, { threadRootId: elsewhere.id }),
      422,
      'validation_failed',
    );
    await expectError(
      await postMessage(ana, group.id, { threadRootId: 'm_nope' }),
      422,
      'validation_failed',
    );
    const reply = await sendText(ben, group.id, 'r', { threadRootId: root.id });
    await expectError(
      await postMessage(ana, group.id, { threadRootId: reply.id }),
      422,
      'validation_failed',
    );
    const system = (await fetchMessages(ana, group.id)).messages.find((m) => m.kind === 'system');
    expect(system, 'a group starts with a system message').toBeDefined();
    await expectError(
      await postMessage(ana, group.id, { threadRootId: system!.id }),
      422,
      'validation_failed',
    );
    await expectError(
      await postMessage(ana, group.id, { alsoSendToConversation: true }),
      422,
      'validation_failed',
    );
  });

  it('refuses a reply to a deleted root (409), and a non-member (404)', async () => {
    const { ana, ben, group, root } = await started();
    const [stranger] = await signUpUsers(1);
    await expectError(
      await postMessage(stranger, group.id, { threadRootId: root.id }),
      404,
      'not_found',
    );
    await deleteMessageRoute(
      deleteRequest(`/messages/${root.id}`, as(ana)),
      withParams({ id: root.id }),
    );
    await expectError(await postMessage(ben, group.id, { threadRootId: root.id }), 409, 'conflict');
  });
});

// The message POST still answers its usual shape for a reply.
it('parses a thread reply with the message wire schema', async () => {
  const { ben, group, root } = await started();
  const res = await postMessage(ben, group.id, { body: 'ok', threadRootId: root.id });
  expect(messageResponseSchema.parse(await res.json()).message.threadRootId).toBe(root.id);
});
