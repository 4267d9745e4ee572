import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FIELD_LIMITS, StoreValidationError } from '@/lib/db/rules';
import type { Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';
import { messageSendCases } from './message-sends';

/**
 * The messages port (lib/db/ports/messages.ts): seq, idempotent sends, paging, edits, tombstones
 * and reactions. Every adapter runs it (test/contracts/index.ts).
 */
export function messagesContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: messages port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, person, people, group, post, seqs, upload } = chatFixtures(() => store);

    messageSendCases(() => store);

    describe('listMessages', () => {
      let id = '';
      beforeAll(async () => {
        const owner = await person();
        id = (await group(owner)).id;
        for (let i = 0; i < 7; i++) await post(id, owner, `${i + 1}`);
      });
      const page = async (input: { before?: number; after?: number; limit: number }) => {
        const { messages, hasMore } = await store.listMessages({ conversationId: id, ...input });
        return { seqs: seqs(messages), hasMore };
      };

      it('pages the newest messages, ascending', async () => {
        expect(await page({ limit: 3 })).toEqual({ seqs: [5, 6, 7], hasMore: true });
        expect(await page({ limit: 7 })).toEqual({ seqs: [1, 2, 3, 4, 5, 6, 7], hasMore: false });
        const empty = await store.listMessages({
          conversationId: (await group(await person())).id,
          limit: 5,
        });
        expect(empty).toEqual({ messages: [], hasMore: false });
      });

      it('pages older messages just below `before`', async () => {
        expect(await page({ before: 5, limit: 2 })).toEqual({ seqs: [3, 4], hasMore: true });
        expect(await page({ before: 3, limit: 2 })).toEqual({ seqs: [1, 2], hasMore: false });
        expect(await page({ before: 1, limit: 2 })).toEqual({ seqs: [], hasMore: false });
      });

      it('pages newer messages just above `after`', async () => {
        expect(await page({ after: 2, limit: 2 })).toEqual({ seqs: [3, 4], hasMore: true });
        expect(await page({ after: 5, limit: 2 })).toEqual({ seqs: [6, 7], hasMore: false });
        expect(await page({ after: 7, limit: 2 })).toEqual({ seqs: [], hasMore: false });
      });
    });

    describe('editing, deleting and reactions', () => {
      it('edits the body and mentions and records when', async () => {
        const [owner, a] = await people(2);
        const m = await post((await group(owner!, [a!])).id, owner!);
        const edited = await store.editMessage({ id: m.id, body: 'fixed', mentions: [a!] });
        expect(edited).toMatchObject({ id: m.id, seq: m.seq, body: 'fixed', mentions: [a] });
        expect(edited?.editedAt).toBeInstanceOf(Date);
        expect(await store.editMessage({ id: 'm_missing', body: 'x', mentions: [] })).toBeNull();
      });

      it('keeps reactions grouped by emoji in first-reaction order, idempotently', async () => {
        const [owner, a] = await people(2);
        const m = await post((await group(owner!, [a!])).id, owner!);
        const react = (userId: string, emoji: string, present = true) =>
          store.setReaction({ messageId: m.id, userId, emoji, present });
        await react(a!, '👍');
        await tick();
        await react(owner!, '❤️');
        await tick();
        await react(owner!, '👍');
        expect((await react(owner!, '👍'))?.reactions).toEqual([
          { emoji: '👍', userIds: [a, owner] },
          { emoji: '❤️', userIds: [owner] },
        ]);
        await react(a!, '👍', false);
        // 👍 now dates from the owner's reaction, which came after ❤️.
        expect((await react(a!, '👍', false))?.reactions).toEqual([
          { emoji: '❤️', userIds: [owner] },
          { emoji: '👍', userIds: [owner] },
        ]);
        expect((await react(owner!, '❤️', false))?.reactions).toEqual([
          { emoji: '👍', userIds: [owner] },
        ]);
        const listed = await store.listMessages({ conversationId: m.conversationId, limit: 5 });
        expect(listed.messages[0]?.reactions).toEqual([{ emoji: '👍', userIds: [owner] }]);
        expect(
          await store.setReaction({
            messageId: 'm_missing',
            userId: a!,
            emoji: '👍',
            present: true,
          }),
        ).toBeNull();
      });

      it('tombstones a deleted message, keeping its seq and author', async () => {
        const owner = await person();
        const g = await group(owner);
        const up = await upload(owner, 'gone.webp');
        const { message } = await store.createMessage({
          conversationId: g.id,
          authorId: owner,
          body: 'secret',
          mentions: [owner],
          attachmentIds: [up.id],
        });
        await store.setReaction({
          messageId: message.id,
          userId: owner,
          emoji: '👍',
          present: true,
        });
        const deleted = await store.deleteMessage({ id: message.id });
        expect(deleted).toMatchObject({
          id: message.id,
          seq: message.seq,
          authorId: owner,
          body: '',
          attachments: [],
          mentions: [],
          reactions: [],
        });
        expect(deleted?.deletedAt).toBeInstanceOf(Date);
        expect(await store.getMessage({ id: message.id })).toEqual(deleted);
        expect(await store.deleteMessage({ id: 'm_missing' })).toBeNull();
      });
    });

    describe('field limits', () => {
      it('refuses a body past its limit without taking a seq, and on edit', async () => {
        const owner = await person();
        const g = await group(owner);
        const tooLong = 'x'.repeat(FIELD_LIMITS.messageBody + 1);
        await expect(
          store.createMessage({ conversationId: g.id, authorId: owner, body: tooLong }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        expect((await store.getConversation({ id: g.id }))?.lastSeq).toBe(0);
        const max = await post(g.id, owner, 'b'.repeat(FIELD_LIMITS.messageBody));
        expect(max.seq).toBe(1);
        await expect(
          store.editMessage({ id: max.id, body: tooLong, mentions: [] }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        expect(await store.getMessage({ id: max.id })).toEqual(max);
      });
    });
  });
}
