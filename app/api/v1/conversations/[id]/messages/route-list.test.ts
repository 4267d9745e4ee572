import { afterEach, describe, expect, it, vi } from 'vitest';

import { messagesResponseSchema } from '@/lib/chat/wire';
import { getStore } from '@/lib/db';
import {
  bearer,
  createApiToken,
  expectError,
  fetchConversation,
  fetchMessages,
  getRequest,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
} from '@/test/api';

import { GET } from './route';

afterEach(() => {
  vi.restoreAllMocks();
});

const pair = async () => {
  const [a, b] = await signUpUsers(2);
  const conversation = await startDirect(a, b);
  return { a, b, id: conversation.id };
};

const list = (headers: Record<string, string>, id: string, query = '') =>
  GET(getRequest(`/conversations/${id}/messages${query}`, headers), withParams({ id }));

describe('GET /api/v1/conversations/:id/messages', () => {
  /** 120 messages written straight to the store (the send route would rate-limit). */
  async function longConversation() {
    const { a, b, id } = await pair();
    const store = await getStore();
    for (let i = 1; i <= 120; i++)
      await store.createMessage({
        conversationId: id,
        authorId: i % 2 ? a.user.id : b.user.id,
        body: `message ${i}`,
      });
    return { a, b, id };
  }

  const seqs = (page: { messages: { seq: number }[] }) => page.messages.map((m) => m.seq);
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('pages back from the newest 50, in ascending order, with hasMore', async () => {
    const { a, id } = await longConversation();
    const newest = await fetchMessages(a, id);
    expect(seqs(newest)).toEqual(range(71, 120));
    expect(newest.hasMore).toBe(true);
    expect(newest.messages.at(-1)?.body).toBe('message 120');

    const older = await fetchMessages(a, id, `before=${newest.messages[0]!.seq}`);
    expect(seqs(older)).toEqual(range(21, 70));
    expect(older.hasMore).toBe(true);

    const oldest = await fetchMessages(a, id, `before=${older.messages[0]!.seq}`);
    expect(seqs(oldest)).toEqual(range(1, 20));
    expect(oldest.hasMore).toBe(false);
  });

  it('catches up ascending after a seq, with hasMore false at the end', async () => {
    const { b, id } = await longConversation();
    const first = await fetchMessages(b, id, 'after=0&limit=100');
    expect(seqs(first)).toEqual(range(1, 100));
    expect(first.hasMore).toBe(true);
    const rest = await fetchMessages(b, id, 'after=100&limit=100');
    expect(seqs(rest)).toEqual(range(101, 120));
    expect(rest.hasMore).toBe(false);
    const none = await fetchMessages(b, id, 'after=120');
    expect(none).toEqual({ messages: [], hasMore: false });
  });

  it('loads a page around a seq, that message included, with hasMore both ways', async () => {
    const { a, id } = await longConversation();
    // Half the limit up to and including the message, half after it.
    const page = await fetchMessages(a, id, 'around=60&limit=10');
    expect(seqs(page)).toEqual(range(56, 65));
    expect(page).toMatchObject({ hasMore: true, hasMoreAfter: true });
    // Scrolling on from either end uses before/after as usual.
    expect(seqs(await fetchMessages(a, id, 'after=65&limit=5'))).toEqual(range(66, 70));
    const start = await fetchMessages(a, id, 'around=2&limit=10');
    expect(seqs(start)).toEqual(range(1, 7));
    expect(start).toMatchObject({ hasMore: false, hasMoreAfter: true });
    const end = await fetchMessages(a, id, 'around=120&limit=10');
    expect(seqs(end)).toEqual(range(116, 120));
    expect(end).toMatchObject({ hasMore: true, hasMoreAfter: false });
  });

  it('honours limit', async () => {
    const { a, id } = await longConversation();
    const page = await fetchMessages(a, id, 'limit=1');
    expect(seqs(page)).toEqual([120]);
    expect(page.hasMore).toBe(true);
    expect(seqs(await fetchMessages(a, id, 'before=5&limit=100'))).toEqual([1, 2, 3, 4]);
  });

  it('answers an empty page for a conversation without messages', async () => {
    const { a, id } = await pair();
    expect(await fetchMessages(a, id)).toEqual({ messages: [], hasMore: false });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['before=-1', 'before'],
    ['after=1.5', 'after'],
    ['before=5&after=2', 'before'],
    ['around=5&before=9', 'before'],
    ['around=x', 'around'],
  ])('answers 400 for ?%s, naming the parameter', async (query, field) => {
    const { a, id } = await pair();
    const error = await expectError(
      await list(withCookie(a.cookie), id, `?${query}`),
      400,
      'bad_request',
    );
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });

  it('answers 404 to someone who is not a member, and to an unknown conversation', async () => {
    const { a, b, id } = await pair();
    await sendText(a, id, 'private');
    const group = await startGroup(a, [b]);
    const outsider = await signUpUser();
    for (const target of [id, group.id, 'c_doesnotexist'])
      await expectError(await list(withCookie(outsider.cookie), target), 404, 'not_found');
  });

  it('works with a bearer API token', async () => {
    const { a, id } = await pair();
    await sendText(a, id, 'hi');
    const { token } = await createApiToken(a.cookie);
    const res = await list(bearer(token), id);
    expect(res.status).toBe(200);
    expect(messagesResponseSchema.parse(await res.json()).messages).toHaveLength(1);
  });

  it('answers 401 when signed out', async () => {
    const { id } = await pair();
    await expectError(await list({}, id), 401, 'unauthorized');
  });
});

describe('a sent message in the conversation view', () => {
  it('becomes lastMessage, moves lastSeq and reads up to it for its author', async () => {
    const { a, b, id } = await pair();
    const last = await sendText(a, id, 'ping');
    const seenByB = await fetchConversation(b, id);
    expect(seenByB).toMatchObject({ lastMessage: last, lastSeq: 1, unreadCount: 1 });
    expect(seenByB.members.find((m) => m.id === a.user.id)?.lastReadSeq).toBe(1);
  });
});
