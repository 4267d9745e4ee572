/** Reading a thread: GET /messages/:id/thread. */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DELETE as deleteMessageRoute } from '@/app/api/v1/messages/[id]/route';
import * as realtime from '@/lib/realtime/server/publish';
import { threadResponseSchema } from '@/lib/threads/schemas';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  getRequest,
  postMessage,
  sendText,
  signUpUsers,
  startDirect,
  withParams,
} from '@/test/api';
import { as, getThread, started } from '@/test/api-threads';

import { GET } from './route';

afterEach(() => {
  vi.restoreAllMocks();
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
