/** Following threads: read positions, follow and unfollow, and GET /threads. */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DELETE as leaveRoute } from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { GET as listFollowed } from '@/app/api/v1/threads/route';
import * as realtime from '@/lib/realtime/server/publish';
import { threadMembershipResponseSchema, threadResponseSchema } from '@/lib/threads/schemas';
import {
  deleteRequest,
  describeJsonBodyErrors,
  expectError,
  expectRetryAfter,
  getRequest,
  sendText,
  signUpUsers,
  withParams,
} from '@/test/api';
import { as, follow, followed, getThread, readThread, started } from '@/test/api-threads';

import { POST as readRoute } from './read/route';

afterEach(() => {
  vi.restoreAllMocks();
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
