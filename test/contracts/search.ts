import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SearchPort } from '@/lib/db/ports/search';
import type { Store } from '@/lib/db/store';
import { parseQuery } from '@/lib/search/query';

import { chatFixtures, type OpenStore } from './fixtures';

/**
 * The search port (lib/db/ports/search.ts): matching that works for real people (prefixes,
 * case and diacritics, text without spaces), filters, paging, and reading only what the caller
 * may read now. Every adapter runs it (test/contracts/index.ts).
 */
export function searchContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: search port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, people, group, post, upload } = chatFixtures(() => store);

    type Extra = Partial<Omit<Parameters<SearchPort['searchMessages']>[0], 'userId' | 'terms'>>;
    const search = async (userId: string, q: string, extra: Extra = {}) => {
      const parsed = parseQuery(q);
      if (!parsed.ok) throw new Error(parsed.error);
      const { query } = parsed;
      return store.searchMessages({
        userId,
        terms: query.terms,
        has: query.has,
        before: query.before,
        after: query.after,
        sort: 'newest',
        limit: 20,
        ...extra,
      });
    };
    const bodies = async (userId: string, q: string, extra: Extra = {}) =>
      (await search(userId, q, extra)).messages.map((m) => m.body);

    /** A person alone in a fresh group, so each case sees only its own messages. */
    const room = async () => {
      const [me, other] = await people(2);
      const g = await group(me!, [other!]);
      return { me: me!, other: other!, g };
    };

    it('finds words by prefix, case and diacritics folded', async () => {
      const { me, g } = await room();
      await post(g.id, me, 'Hello from the Café');
      await post(g.id, me, 'Herr Müller kommt');
      await post(g.id, me, 'nothing here');
      expect(await bodies(me, 'hel')).toEqual(['Hello from the Café']);
      expect(await bodies(me, 'HELLO cafe')).toEqual(['Hello from the Café']);
      expect(await bodies(me, 'Muller')).toEqual(['Herr Müller kommt']);
      expect(await bodies(me, 'müll')).toEqual(['Herr Müller kommt']);
      expect(await bodies(me, 'ello')).toEqual([]);
    });

    it('finds text without spaces by substring, long or short (Japanese, Chinese, Thai)', async () => {
      const { me, g } = await room();
      await post(g.id, me, '東京タワーに行った');
      await post(g.id, me, '我们明天去北京吃饭');
      await post(g.id, me, 'ไปกินข้าวที่กรุงเทพ');
      await post(g.id, me, 'Tokyo in English');
      expect(await bodies(me, '東京')).toEqual(['東京タワーに行った']);
      expect(await bodies(me, 'タワー')).toEqual(['東京タワーに行った']);
      expect(await bodies(me, 'に行った')).toEqual(['東京タワーに行った']);
      expect(await bodies(me, '北京')).toEqual(['我们明天去北京吃饭']);
      expect(await bodies(me, '京')).toEqual(['我们明天去北京吃饭', '東京タワーに行った']);
      expect(await bodies(me, 'กรุงเทพ')).toEqual(['ไปกินข้าวที่กรุงเทพ']);
      expect(await bodies(me, '大阪')).toEqual([]);
    });

    it('matches "exact phrases" in order and excludes -words', async () => {
      const { me, g } = await room();
      await post(g.id, me, 'lunch at noon today');
      await post(g.id, me, 'noon lunch at the park');
      await post(g.id, me, 'lunch with pizza');
      expect(await bodies(me, '"lunch at noon"')).toEqual(['lunch at noon today']);
      expect(await bodies(me, 'lunch -pizza')).toEqual([
        'noon lunch at the park',
        'lunch at noon today',
      ]);
      expect(await bodies(me, 'lunch -"at noon"')).toEqual([
        'lunch with pizza',
        'noon lunch at the park',
      ]);
    });

    it('takes punctuation and quotes as text, never as query syntax', async () => {
      const { me, g } = await room();
      await post(g.id, me, 'is it done?! yes');
      await post(g.id, me, 'OR AND NOT * ( ) : ^');
      expect(await bodies(me, '?!')).toEqual(['is it done?! yes']);
      expect(await bodies(me, 'NOT')).toEqual(['OR AND NOT * ( ) : ^']);
      expect(await bodies(me, '"*"')).toEqual(['OR AND NOT * ( ) : ^']);
      expect(await bodies(me, 'x"y')).toEqual([]);
    });

    it('finds an edited message by its current text, never a deleted one', async () => {
      const { me, g } = await room();
      const edited = await post(g.id, me, 'original wording');
      const deleted = await post(g.id, me, 'original secret 秘密の話です');
      await store.editMessage({ id: edited.id, body: 'revised wording', mentions: [] });
      await store.deleteMessage({ id: deleted.id });
      expect(await bodies(me, 'original')).toEqual([]);
      expect(await bodies(me, 'revised')).toEqual(['revised wording']);
      expect(await bodies(me, 'secret')).toEqual([]);
      expect(await bodies(me, '秘密の話')).toEqual([]);
      expect(await bodies(me, '秘密')).toEqual([]);
    });

    it('never returns a message from a conversation the caller left or never joined', async () => {
      const [me, other, stranger] = await people(3);
      const left = await group(other!, [me!]);
      const never = await group(other!, [stranger!]);
      const mine = await group(me!, [other!]);
      await post(left.id, other!, 'zebra crossing 東京タワー');
      await post(never.id, other!, 'zebra stripes 東京タワー');
      await post(mine.id, other!, 'zebra in mine 東京タワー');
      expect((await bodies(me!, 'zebra')).sort()).toEqual([
        'zebra crossing 東京タワー',
        'zebra in mine 東京タワー',
      ]);
      await store.removeMember({ conversationId: left.id, userId: me! });
      expect(await bodies(me!, 'zebra')).toEqual(['zebra in mine 東京タワー']);
      expect(await bodies(me!, 'タワー')).toEqual(['zebra in mine 東京タワー']);
      expect(await bodies(me!, '東京')).toEqual(['zebra in mine 東京タワー']);
      expect(await bodies(me!, 'zebra', { conversationIds: [never.id, left.id] })).toEqual([]);
      expect(await bodies(stranger!, 'zebra')).toEqual(['zebra stripes 東京タワー']);
    });

    it('never returns system messages', async () => {
      const { me, g } = await room();
      await store.createMessage({
        conversationId: g.id,
        authorId: null,
        body: 'renamed the group',
        system: { type: 'conversation.renamed', actorId: me, name: 'renamed' },
      });
      expect(await bodies(me, 'renamed')).toEqual([]);
    });

    it('narrows by conversation, author, has: and dates', async () => {
      const { me, other, g } = await room();
      const g2 = await group(me, [other]);
      const image = await upload(me, 'photo.webp');
      await store.createMessage({
        conversationId: g.id,
        authorId: me,
        body: 'walrus picture',
        attachmentIds: [image.id],
      });
      await post(g.id, other, 'walrus link https://example.com/walrus');
      await post(g2.id, other, 'walrus elsewhere');
      expect(await bodies(me, 'walrus', { conversationIds: [g2.id] })).toEqual([
        'walrus elsewhere',
      ]);
      expect(await bodies(me, 'walrus', { authorIds: [me] })).toEqual(['walrus picture']);
      expect(await bodies(me, 'walrus', { authorIds: [] })).toEqual([]);
      expect(await bodies(me, 'walrus has:image')).toEqual(['walrus picture']);
      expect(await bodies(me, 'walrus has:file')).toEqual(['walrus picture']);
      expect(await bodies(me, 'walrus has:link')).toEqual([
        'walrus link https://example.com/walrus',
      ]);
      // Filters alone, without words.
      expect(await bodies(me, 'has:image', { conversationIds: [g.id] })).toEqual([
        'walrus picture',
      ]);
      const now = Date.now();
      expect(await bodies(me, 'walrus', { before: now - 60_000 })).toEqual([]);
      expect(await bodies(me, 'walrus', { after: now + 60_000 })).toEqual([]);
      expect(
        await bodies(me, 'walrus', { after: now - 60_000, before: now + 60_000 }),
      ).toHaveLength(3);
    });

    it('pages newest first by cursor, and by relevance', async () => {
      const { me, g } = await room();
      for (let i = 1; i <= 5; i++) {
        await post(g.id, me, `otter number ${i}${i === 2 ? ' otter otter' : ''}`);
        await tick();
      }
      const first = await search(me, 'otter', { limit: 2 });
      expect(first.messages.map((m) => m.body)).toEqual(['otter number 5', 'otter number 4']);
      expect(first.messages[0]).toMatchObject({ conversationId: g.id, seq: 5, kind: 'user' });
      const second = await search(me, 'otter', { limit: 2, cursor: first.nextCursor });
      expect(second.messages.map((m) => m.body)).toEqual([
        'otter number 3',
        'otter number 2 otter otter',
      ]);
      const third = await search(me, 'otter', { limit: 2, cursor: second.nextCursor });
      expect(third.messages.map((m) => m.body)).toEqual(['otter number 1']);
      expect(third.nextCursor).toBeNull();
      // A cursor that is not ours starts from the top.
      expect((await search(me, 'otter', { limit: 1, cursor: 'garbage' })).messages[0]?.body).toBe(
        'otter number 5',
      );

      const best = await search(me, 'otter', { limit: 2, sort: 'relevance' });
      expect(best.messages[0]?.body).toBe('otter number 2 otter otter');
      const rest = await search(me, 'otter', {
        limit: 10,
        sort: 'relevance',
        cursor: best.nextCursor,
      });
      expect(rest.messages).toHaveLength(3);
      const all = [...best.messages, ...rest.messages].map((m) => m.seq).sort();
      expect(all).toEqual([1, 2, 3, 4, 5]);
    });
  });
}
