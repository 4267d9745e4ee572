import { describe, expect, it, vi } from 'vitest';

import { readResponseSchema } from '@/lib/chat/wire';
import { publishRequestSchema } from '@/lib/realtime/protocol';
import * as roomHttp from '@/lib/realtime/server/room-http';
import { resetBreaker } from '@/lib/resilience/breakers';
import {
  bearer,
  createApiToken,
  describeJsonBodyErrors,
  expectError,
  fetchConversation,
  jsonRequest,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { POST } from './route';

const read = (headers: Record<string, string>, id: string, body: unknown) =>
  POST(jsonRequest('POST', `/conversations/${id}/read`, body, headers), withParams({ id }));

async function readAs(account: TestAccount, id: string, seq: number) {
  const res = await read(withCookie(account.cookie), id, { seq });
  expect(res.status).toBe(200);
  return readResponseSchema.parse(await res.json());
}

/** `b` has five unread messages from `a`. */
async function fiveUnread() {
  const [a, b] = await signUpUsers(2);
  const { id } = await startDirect(a, b);
  for (let i = 1; i <= 5; i++) await sendText(a, id, `#${i}`);
  return { a, b, id };
}

describe('POST /api/v1/conversations/:id/read', () => {
  it('moves the read position forward and answers the unread count left', async () => {
    const { a, b, id } = await fiveUnread();
    expect(await readAs(b, id, 3)).toEqual({ conversationId: id, lastReadSeq: 3, unreadCount: 2 });
    expect(await fetchConversation(b, id)).toMatchObject({ lastReadSeq: 3, unreadCount: 2 });
    // Read receipts: the other member sees it too.
    expect((await fetchConversation(a, id)).members.find((m) => m.id === b.user.id)).toMatchObject({
      lastReadSeq: 3,
    });
    expect(await readAs(b, id, 5)).toEqual({ conversationId: id, lastReadSeq: 5, unreadCount: 0 });
  });

  it('never moves back: a lower seq leaves the position unchanged', async () => {
    const { b, id } = await fiveUnread();
    await readAs(b, id, 4);
    expect(await readAs(b, id, 2)).toEqual({ conversationId: id, lastReadSeq: 4, unreadCount: 1 });
    expect(await readAs(b, id, 0)).toMatchObject({ lastReadSeq: 4 });
    expect((await fetchConversation(b, id)).lastReadSeq).toBe(4);
  });

  it('clamps a seq past the end to the last message', async () => {
    const { b, id } = await fiveUnread();
    expect(await readAs(b, id, 999)).toEqual({
      conversationId: id,
      lastReadSeq: 5,
      unreadCount: 0,
    });
    expect((await fetchConversation(b, id)).lastReadSeq).toBe(5);
  });

  it('counts messages that arrive after a clamped read as unread', async () => {
    const { a, b, id } = await fiveUnread();
    await readAs(b, id, 1_000_000);
    await sendText(a, id, 'later');
    expect(await fetchConversation(b, id)).toMatchObject({
      lastSeq: 6,
      lastReadSeq: 5,
      unreadCount: 1,
    });
  });

  it('answers 404 to someone who is not a member, and for an unknown conversation', async () => {
    const { a, id } = await fiveUnread();
    const group = await startGroup(a, [await signUpUser()]);
    const outsider = await signUpUser();
    for (const target of [id, group.id, 'c_doesnotexist'])
      await expectError(
        await read(withCookie(outsider.cookie), target, { seq: 1 }),
        404,
        'not_found',
      );
  });

  it.each([
    ['a negative seq', { seq: -1 }],
    ['a fractional seq', { seq: 1.5 }],
    ['a seq as a string', { seq: '3' }],
    ['a missing seq', {}],
  ])('answers 422 for %s', async (_label, body) => {
    const { b, id } = await fiveUnread();
    const error = await expectError(
      await read(withCookie(b.cookie), id, body),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ seq: expect.any(String) });
  });

  it('works with a bearer API token', async () => {
    const { b, id } = await fiveUnread();
    const { token } = await createApiToken(b.cookie);
    const res = await read(bearer(token), id, { seq: 5 });
    expect(res.status).toBe(200);
    expect(readResponseSchema.parse(await res.json()).unreadCount).toBe(0);
  });

  it('answers 401 when signed out', async () => {
    const { id } = await fiveUnread();
    await expectError(await read({}, id, { seq: 1 }), 401, 'unauthorized');
  });
});

let bodyErrorsConversation = '';
describeJsonBodyErrors({
  method: 'POST',
  path: '/conversations/:id/read',
  handler: (req) => POST(req, withParams({ id: bodyErrorsConversation })),
  headers: async () => {
    const [a, b] = await signUpUsers(2);
    bodyErrorsConversation = (await startDirect(a, b)).id;
    return withCookie(a.cookie);
  },
});

describe('who hears that a read position moved (issue #19)', () => {
  /** The recipients of each read.updated publish to the conversation's room, while `run` runs. */
  async function readPublishes(conversationId: string, run: () => Promise<unknown>) {
    // Publishes fail here (no PartyKit); an open breaker would not even try.
    resetBreaker('partykit');
    const spy = vi.spyOn(roomHttp, 'roomRequest');
    try {
      await run();
      return (
        spy.mock.calls
          .flatMap(([url, init]) => {
            if (!url.endsWith(`/parties/conversation/${conversationId}`)) return [];
            const raw = init.body ?? '{}';
            const body = publishRequestSchema.parse(JSON.parse(raw));
            return body.events.some((e) => e.type === 'read.updated')
              ? [[...(body.recipients ?? [])].sort()]
              : [];
          })
          // The publish is retried once (the partykit breaker's policy): one audience either way.
          .filter((r, i, all) => all.findIndex((o) => o.join() === r.join()) === i)
      );
    } finally {
      spy.mockRestore();
    }
  }

  it('tells the reader and the authors of what was read, not every member', async () => {
    const [ana, ben, cy, dee] = await signUpUsers(4, 'Receipts');
    const group = await startGroup(ana, [ben, cy, dee]);
    await sendText(ana, group.id, 'one');
    const two = await sendText(cy, group.id, 'two');
    const sent = await readPublishes(group.id, () => readAs(ben, group.id, two.seq));
    expect(sent).toEqual([[ana.user.id, ben.user.id, cy.user.id].sort()]);
    // Dee's receipts do not change: she wrote nothing Ben read.
  });

  it('tells every member when the read jumps over a long stretch', async () => {
    const people = await signUpUsers(8, 'Long read');
    const [ben, quiet, ...authors] = people;
    const group = await startGroup(authors[0], [ben, quiet, ...authors.slice(1)]);
    let last = 0;
    // 101 messages from six people (each within the sending limit).
    for (let i = 0; i < 101; i++) last = (await sendText(authors[i % 6]!, group.id, `m${i}`)).seq;
    const sent = await readPublishes(group.id, () => readAs(ben, group.id, last));
    expect(sent).toEqual([people.map((p) => p.user.id).sort()]);
  });
});
