import { afterEach, describe, expect, it, vi } from 'vitest';

import { DELETE as leaveRoute } from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { DELETE as deleteMessageRoute } from '@/app/api/v1/messages/[id]/route';
import { GET as listFollowed } from '@/app/api/v1/threads/route';
import { messageResponseSchema } from '@/lib/chat/wire';
import * as realtime from '@/lib/realtime/server/publish';
import {
  followedThreadsResponseSchema,
  threadMembershipResponseSchema,
  threadResponseSchema,
} from '@/lib/threads/schemas';
import {
  bearer,
  createApiToken,
  deleteRequest,
  describeJsonBodyErrors,
  expectError,
  expectRetryAfter,
  fetchMessages,
  getRequest,
  jsonRequest,
  newClientId,
  postMessage,
  putRequest,
  sendText,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { DELETE as unfollowRoute, PUT as followRoute } from './follow/route';
import { POST as readRoute } from './read/route';
import { GET } from './route';

afterEach(() => {
  vi.restoreAllMocks();
});

const as = (account: TestAccount) => withCookie(account.cookie);
const getThread = (account: TestAccount, rootId: string, query = '') =>
  GET(getRequest(`/messages/${rootId}/thread${query}`, as(account)), withParams({ id: rootId }));
const readThread = (account: TestAccount, rootId: string, body: unknown) =>
  readRoute(
    jsonRequest('POST', `/messages/${rootId}/thread/read`, body, as(account)),
    withParams({ id: rootId }),
  );
const follow = (account: TestAccount, rootId: string, on = true) =>
  (on ? followRoute : unfollowRoute)(
    on
      ? putRequest(`/messages/${rootId}/thread/follow`, as(account))
      : deleteRequest(`/messages/${rootId}/thread/follow`, as(account)),
    withParams({ id: rootId }),
  );
const followed = async (account: TestAccount, query = '') => {
  const res = await listFollowed(getRequest(`/threads${query}`, as(account)));
  expect(res.status).toBe(200);
  return followedThreadsResponseSchema.parse(await res.json());
};

/** A group of three with a root message by `ana`. */
async function started() {
  const [ana, ben, cy] = await signUpUsers(3);
  const group = await startGroup(ana, [ben, cy]);
  const root = await sendText(ana, group.id, 'Lunch plans?');
  return { ana, ben, cy, group, root };
}

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

describe('GET /api/v1/messages/:id/thread', () => {
  it('answers the root and a page of replies, ascending, with older pages by before=', async () => {
    const { ana, ben, group, root } = await started();
    const replies: number[] = [];
    for (const body of ['a', 'b', 'c']) {
      replies.push((await sendText(ben, group.id, body, { threadRootId: root.id })).seq);
      await sendText(ana, group.id, `main ${body}`);
    }
    const res = await getThread(ana, root.id, '?limit=2');
    expect(res.status).toBe(200);
    const page = threadResponseSchema.parse(await res.json());
    expect(page.root.id).toBe(root.id);
    expect(page.replies.map((r) => r.body)).toEqual(['b', 'c']);
    expect(page.hasMore).toBe(true);
    expect(page.membership).toEqual({ following: true, lastReadSeq: 0 });
    const older = threadResponseSchema.parse(
      await (await getThread(ana, root.id, `?before=${replies[1]}`)).json(),
    );
    expect(older.replies.map((r) => r.body)).toEqual(['a']);
    expect(older.hasMore).toBe(false);
    const newer = threadResponseSchema.parse(
      await (await getThread(ana, root.id, `?after=${replies[0]}`)).json(),
    );
    expect(newer.replies.map((r) => r.body)).toEqual(['b', 'c']);
  });

  it('keeps a deleted root as a tombstone with its thread', async () => {
    const { ana, ben, group, root } = await started();
    await sendText(ben, group.id, 'r1', { threadRootId: root.id });
    const del = await deleteMessageRoute(
      deleteRequest(`/messages/${root.id}`, as(ana)),
      withParams({ id: root.id }),
    );
    expect(del.status).toBe(200);
    const page = threadResponseSchema.parse(await (await getThread(ben, root.id)).json());
    expect(page.root).toMatchObject({ body: '', thread: { replyCount: 1 } });
    expect(page.root.deletedAt).not.toBeNull();
    expect(page.replies.map((r) => r.body)).toEqual(['r1']);
  });

  it('answers 404 to non-members and for unknown messages, 422 for a reply, 400 for bad paging', async () => {
    const { ben, group, root } = await started();
    const [stranger] = await signUpUsers(1);
    await expectError(await getThread(stranger, root.id), 404, 'not_found');
    await expectError(await getThread(ben, 'm_unknown'), 404, 'not_found');
    const reply = await sendText(ben, group.id, 'r', { threadRootId: root.id });
    await expectError(await getThread(ben, reply.id), 422, 'validation_failed');
    await expectError(await getThread(ben, root.id, '?before=1&after=1'), 400, 'bad_request');
    await expectError(await getThread(ben, root.id, '?limit=500'), 400, 'bad_request');
  });

  it('a reply quoting another reply of the thread carries the quote, on send, live and in the page', async () => {
    const { ana, ben, group, root } = await started();
    const first = await sendText(ben, group.id, 'Pizza at Luigi’s', { threadRootId: root.id });
    const publish = vi.spyOn(realtime, 'publishToConversation');
    const answer = await sendText(ana, group.id, 'That one', {
      threadRootId: root.id,
      replyToId: first.id,
    });
    const quote = { id: first.id, authorId: ben.user.id, body: 'Pizza at Luigi’s', deleted: false };
    expect(answer).toMatchObject({ threadRootId: root.id, replyToId: first.id, replyTo: quote });
    const created = publish.mock.calls
      .flatMap(([call]) => call.events)
      .find((e) => e.type === 'message.created');
    expect(created).toMatchObject({ message: { id: answer.id, replyTo: quote } });
    const page = threadResponseSchema.parse(await (await getThread(ben, root.id)).json());
    expect(page.replies.find((m) => m.id === answer.id)?.replyTo).toEqual(quote);
    // A quote of a message in another conversation is refused, in a thread as anywhere.
    const dm = await startDirect(ana, ben);
    const elsewhere = await sendText(ana, dm.id, 'dm');
    await expectError(
      await postMessage(ana, group.id, { threadRootId: root.id, replyToId: elsewhere.id }),
      422,
      'validation_failed',
    );
  });

  it('works with an API token', async () => {
    const { ben, root } = await started();
    const { token } = await createApiToken(ben.cookie);
    const res = await GET(
      getRequest(`/messages/${root.id}/thread`, bearer(token)),
      withParams({ id: root.id }),
    );
    expect(res.status).toBe(200);
  });
});

describe('POST /api/v1/messages/:id/thread/read', () => {
  it('moves the read position forward only, clamped to the newest reply, and tells members', async () => {
    const { ana, ben, group, root } = await started();
    const r1 = await sendText(ben, group.id, 'r1', { threadRootId: root.id });
    const r2 = await sendText(ben, group.id, 'r2', { threadRootId: root.id });
    const publish = vi.spyOn(realtime, 'publishToConversation');
    const res = await readThread(ana, root.id, { seq: r1.seq });
    expect(res.status).toBe(200);
    expect(threadMembershipResponseSchema.parse(await res.json())).toEqual({
      rootId: root.id,
      conversationId: group.id,
      membership: { following: true, lastReadSeq: r1.seq },
    });
    expect(publish.mock.calls[0]![0].events).toEqual([
      {
        type: 'thread.read',
        conversationId: group.id,
        rootId: root.id,
        userId: ana.user.id,
        lastReadSeq: r1.seq,
        following: true,
      },
    ]);
    publish.mockClear();
    const back = threadMembershipResponseSchema.parse(
      await (await readThread(ana, root.id, { seq: 1 })).json(),
    );
    expect(back.membership.lastReadSeq).toBe(r1.seq);
    expect(publish).not.toHaveBeenCalled();
    // Receipts: the thread says where each person has read to.
    const page = threadResponseSchema.parse(await (await getThread(ben, root.id)).json());
    expect(page.readers).toContainEqual({ userId: ana.user.id, lastReadSeq: r1.seq });
    expect(page.readers).toContainEqual({ userId: ben.user.id, lastReadSeq: r2.seq });
    const far = threadMembershipResponseSchema.parse(
      await (await readThread(ana, root.id, { seq: 1000 })).json(),
    );
    expect(far.membership.lastReadSeq).toBe(r2.seq);
  });

  it('answers 404 to non-members', async () => {
    const { root } = await started();
    const [stranger] = await signUpUsers(1);
    await expectError(await readThread(stranger, root.id, { seq: 1 }), 404, 'not_found');
  });

  it('answers 422 for a seq that is not a whole number at or above 0', async () => {
    const { ana, root } = await started();
    await expectError(await readThread(ana, root.id, { seq: -1 }), 422, 'validation_failed');
    await expectError(await readThread(ana, root.id, { seq: 'x' }), 422, 'validation_failed');
  });

  describeJsonBodyErrors({
    method: 'POST',
    path: '/messages/m_x/thread/read',
    handler: (req) => readRoute(req, withParams({ id: 'm_x' })),
    headers: async () => as((await signUpUsers(1))[0]),
  });
});

describe('PUT and DELETE /api/v1/messages/:id/thread/follow', () => {
  it('follows and unfollows by hand', async () => {
    const { cy, root } = await started();
    const on = await follow(cy, root.id);
    expect(on.status).toBe(200);
    expect(threadMembershipResponseSchema.parse(await on.json()).membership).toEqual({
      following: true,
      lastReadSeq: 0,
    });
    const off = threadMembershipResponseSchema.parse(
      await (await follow(cy, root.id, false)).json(),
    );
    expect(off.membership.following).toBe(false);
  });

  it('answers 404 to non-members and 422 for a reply', async () => {
    const { ben, group, root } = await started();
    const [stranger] = await signUpUsers(1);
    await expectError(await follow(stranger, root.id), 404, 'not_found');
    await expectError(await follow(stranger, root.id, false), 404, 'not_found');
    const reply = await sendText(ben, group.id, 'r', { threadRootId: root.id });
    await expectError(await follow(ben, reply.id), 422, 'validation_failed');
  });

  it('answers 429 past 30 changes a minute', async () => {
    const { cy, root } = await started();
    for (let i = 0; i < 30; i++) expect((await follow(cy, root.id, i % 2 === 0)).status).toBe(200);
    const res = await follow(cy, root.id);
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });
});

describe('GET /api/v1/threads', () => {
  it('lists followed threads, unread first, with unread counts and the unread total', async () => {
    const { ana, ben, cy, group } = await started();
    const quiet = await sendText(ana, group.id, 'quiet');
    const busy = await sendText(cy, group.id, 'busy');
    await sendText(ana, group.id, 'mine', { threadRootId: quiet.id });
    await sendText(ana, group.id, 'me too', { threadRootId: busy.id });
    await sendText(ben, group.id, 'one', { threadRootId: busy.id });
    await sendText(cy, group.id, 'two', { threadRootId: busy.id });
    const list = await followed(ana);
    expect(list.threads.map((t) => [t.root.body, t.unreadCount])).toEqual([
      ['busy', 2],
      ['quiet', 0],
    ]);
    expect(list.unreadThreads).toBe(1);
    expect(list.threads[0]!.root.thread?.replyCount).toBe(3);
    // Ben follows busy (he replied), not quiet.
    expect((await followed(ben)).threads.map((t) => t.root.body)).toEqual(['busy']);
    // Someone mentioned in a reply follows too.
    await sendText(ben, group.id, `@${cy.user.name} look`, { threadRootId: quiet.id });
    expect((await followed(cy)).threads.map((t) => t.root.body)).toContain('quiet');
    expect((await followed(ana, '?limit=1')).threads).toHaveLength(1);
  });

  it('drops the threads of a conversation the person left', async () => {
    const { ana, ben, group, root } = await started();
    await sendText(ben, group.id, 'r', { threadRootId: root.id });
    expect((await followed(ben)).threads).toHaveLength(1);
    const left = await leaveRoute(
      deleteRequest(`/conversations/${group.id}/members/${ben.user.id}`, as(ben)),
      withParams({ id: group.id, userId: ben.user.id }),
    );
    expect(left.status).toBe(200);
    expect(await followed(ben)).toEqual({ threads: [], unreadThreads: 0 });
    expect((await followed(ana)).threads).toHaveLength(1);
  });

  it('refuses a bad limit (400) and anonymous callers (401)', async () => {
    const [ana] = await signUpUsers(1);
    await expectError(
      await listFollowed(getRequest('/threads?limit=0', as(ana))),
      400,
      'bad_request',
    );
    await expectError(await listFollowed(getRequest('/threads')), 401, 'unauthorized');
  });
});

// The message POST still answers its usual shape for a reply.
it('parses a thread reply with the message wire schema', async () => {
  const { ben, group, root } = await started();
  const res = await postMessage(ben, group.id, { body: 'ok', threadRootId: root.id });
  expect(messageResponseSchema.parse(await res.json()).message.threadRootId).toBe(root.id);
});
