import { describe, expect, it } from 'vitest';

import { getStore } from '@/lib/app-store';
import { searchResponseSchema } from '@/lib/search/wire';
import {
  bearer,
  createApiToken,
  expectError,
  expectRetryAfter,
  getRequest,
  sendText,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  uploadImage,
  withCookie,
  type TestAccount,
} from '@/test/api';

import { GET } from './route';

const call = (headers: Record<string, string>, query: Record<string, string>) =>
  GET(getRequest(`/search?${new URLSearchParams(query)}`, headers));

async function search(account: TestAccount, query: Record<string, string>) {
  const res = await call(withCookie(account.cookie), query);
  expect(res.status).toBe(200);
  return searchResponseSchema.parse(await res.json());
}
const bodies = async (account: TestAccount, q: string, extra: Record<string, string> = {}) =>
  (await search(account, { q, ...extra })).results.map((r) => r.message.body);

/** A word nobody else's test uses, so results are this test's own. */
const tag = () => `zq${Math.random().toString(36).slice(2, 8)}`;

describe('GET /api/v1/search', () => {
  it('answers results with the message (with seq), its conversation and a marked snippet', async () => {
    const [a, b] = await signUpUsers(2, 'Searcher');
    const dm = await startDirect(a, b);
    const word = tag();
    const sent = await sendText(b, dm.id, `Lunch at the café? ${word}ful plans`);
    const { results, nextCursor } = await search(a, { q: `cafe ${word}` });
    expect(nextCursor).toBeNull();
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result!.message).toMatchObject({ id: sent.id, seq: sent.seq, body: sent.body });
    expect(result!.conversation).toEqual({ id: dm.id, kind: 'direct', name: b.user.name });
    expect(result!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['café', word]);
    expect(result!.snippet.map((s) => s.text).join('')).toBe(sent.body);
  });

  it('finds partial words and text without spaces', async () => {
    const [a, b] = await signUpUsers(2);
    const g = await startGroup(a, [b], 'Travel');
    const word = tag();
    await sendText(b, g.id, `${word}東京タワーに行った`);
    expect(await bodies(a, word.slice(0, 5))).toEqual([`${word}東京タワーに行った`]);
    expect(await bodies(a, `タワー in:#trav`)).toContain(`${word}東京タワーに行った`);
  });

  it('never returns messages from a conversation the caller left or never joined', async () => {
    const [a, b, c] = await signUpUsers(3);
    const word = tag();
    const left = await startGroup(b, [a], 'Left');
    const never = await startGroup(b, [c], 'Never');
    await sendText(b, left.id, `${word} left`);
    await sendText(b, never.id, `${word} never`);
    expect(await bodies(a, word)).toEqual([`${word} left`]);
    const store = await getStore();
    await store.removeMember({ conversationId: left.id, userId: a.user.id });
    expect(await bodies(a, word)).toEqual([]);
    expect(await bodies(c, word)).toEqual([`${word} never`]);
  });

  it('answers 404 for a conversationId the caller is not in, or that does not exist', async () => {
    const [a, b] = await signUpUsers(2);
    const outsider = await signUpUser();
    const g = await startGroup(a, [b]);
    for (const conversationId of [g.id, 'c_doesnotexist']) {
      const res = await call(withCookie(outsider.cookie), { q: 'hello', conversationId });
      await expectError(res, 404, 'not_found');
    }
  });

  it('narrows by conversationId, from, has, from:@name and dates', async () => {
    const a = await signUpUser();
    const b = await signUpUser({ name: `${tag()} Lopez` });
    const g1 = await startGroup(a, [b]);
    const g2 = await startGroup(a, [b]);
    const word = tag();
    const image = await uploadImage(a);
    await sendText(a, g1.id, `${word} picture`, { attachmentIds: [image.id] });
    await sendText(b, g1.id, `${word} https://example.com`);
    await sendText(b, g2.id, `${word} elsewhere`);
    expect(await bodies(a, word, { conversationId: g2.id })).toEqual([`${word} elsewhere`]);
    expect(await bodies(a, word, { from: a.user.id })).toEqual([`${word} picture`]);
    expect(await bodies(a, word, { has: 'image' })).toEqual([`${word} picture`]);
    expect(await bodies(a, `${word} has:link`)).toEqual([`${word} https://example.com`]);
    expect(await bodies(a, '', { has: 'image', conversationId: g1.id })).toEqual([
      `${word} picture`,
    ]);
    const firstName = b.user.name.split(' ')[0]!;
    expect((await bodies(a, `${word} from:@${firstName}`)).sort()).toEqual(
      [`${word} elsewhere`, `${word} https://example.com`].sort(),
    );
    expect(await bodies(a, word, { before: '2000-01-01' })).toEqual([]);
    expect(await bodies(a, `${word} after:2000-01-01`)).toHaveLength(3);
  });

  it('pages by cursor, newest first', async () => {
    const [a, b] = await signUpUsers(2);
    const g = await startGroup(a, [b]);
    const word = tag();
    for (const n of [1, 2, 3]) await sendText(a, g.id, `${word} ${n}`);
    const first = await search(a, { q: word, limit: '2' });
    expect(first.results.map((r) => r.message.body)).toEqual([`${word} 3`, `${word} 2`]);
    const second = await search(a, { q: word, limit: '2', cursor: first.nextCursor! });
    expect(second.results.map((r) => r.message.body)).toEqual([`${word} 1`]);
    expect(second.nextCursor).toBeNull();
    const ranked = await search(a, { q: word, sort: 'relevance' });
    expect(ranked.results).toHaveLength(3);
  });

  it('keeps markup in messages as text in snippets', async () => {
    const [a, b] = await signUpUsers(2);
    const g = await startGroup(a, [b]);
    const word = tag();
    await sendText(b, g.id, `<img src=x onerror=alert(1)> ${word}`);
    const [result] = (await search(a, { q: word })).results;
    expect(result!.snippet).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: word, match: true },
    ]);
  });

  it.each([
    [{ q: '' }, 'q'],
    [{ q: '-only' }, 'q'],
    [{ q: 'x has:video' }, 'q'],
    [{ q: 'x before:2026-13-01' }, 'q'],
    [{ q: 'x after:2026-12-05 before:2026-12-01' }, 'q'],
    [{ q: 'x'.repeat(501) }, 'q'],
    [{ q: 'x', has: 'video' }, 'has'],
    [{ q: 'x', before: 'yesterday' }, 'before'],
    [{ q: 'x', after: '2026-02-30' }, 'after'],
    [{ q: 'x', limit: '0' }, 'limit'],
    [{ q: 'x', limit: '51' }, 'limit'],
    [{ q: 'x', sort: 'oldest' }, 'sort'],
    [{ q: 'x', after: '2026-12-05', before: '2026-12-01' }, 'after'],
  ])('answers 400 for %j, naming %s', async (query, field) => {
    const a = await signUpUser();
    const error = await expectError(await call(withCookie(a.cookie), query), 400, 'bad_request');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });

  it('never answers 500 to query syntax: quotes, stars and operators are text', async () => {
    const a = await signUpUser();
    const texts = ['NOT', 'a OR b', '*', 'col:umn', '(', 'NEAR(a b)', '^x', '東', '\\', '"a"b"'];
    for (const q of texts) expect((await call(withCookie(a.cookie), { q })).status, q).toBe(200);
    // Nothing to look for at all is the caller's mistake, and said so.
    for (const q of ['"', '""', '-"x"'])
      await expectError(await call(withCookie(a.cookie), { q }), 400, 'bad_request');
  });

  it('ignores a cursor that is not one of ours and starts from the top', async () => {
    const [a, b] = await signUpUsers(2);
    const g = await startGroup(a, [b]);
    const word = tag();
    await sendText(a, g.id, word);
    expect(await bodies(a, word, { cursor: 'not-a-cursor' })).toEqual([word]);
  });

  it('works with a bearer API token', async () => {
    const [a, b] = await signUpUsers(2);
    const g = await startGroup(a, [b]);
    const word = tag();
    await sendText(a, g.id, word);
    const { token } = await createApiToken(a.cookie);
    const res = await call(bearer(token), { q: word });
    expect(res.status).toBe(200);
  });

  it('answers 401 when signed out', async () => {
    await expectError(await call({}, { q: 'x' }), 401, 'unauthorized');
  });

  it('answers 429 with Retry-After past 30 searches in 10 seconds', async () => {
    const a = await signUpUser();
    for (let i = 0; i < 30; i++)
      expect((await call(withCookie(a.cookie), { q: 'x' })).status).toBe(200);
    const res = await call(withCookie(a.cookie), { q: 'x' });
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 10);
  });
});
