import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FIELD_LIMITS, StoreValidationError } from '@/lib/db/rules';
import type { Store } from '@/lib/db/store';
import type { Attachment, Upload } from '@/lib/db/types';

import { chatFixtures, type OpenStore } from './fixtures';

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

    describe('messages', () => {
      it('counts people’s messages per UTC day, the people who wrote them, and AI replies apart', async () => {
        const today = new Date().toISOString().slice(0, 10);
        const since = new Date(Date.now() - 24 * 3600_000);
        const [owner, a, assistant] = await people(3);
        const of = async (s = since) =>
          (await store.messageActivity({ since: s, assistantId: assistant! })).find(
            (d) => d.day === today,
          ) ?? { day: today, messages: 0, people: 0, aiReplies: 0 };
        const before = await of();
        const g = await group(owner!, [a!, assistant!]);
        const afterGroup = await of();
        await store.createMessage({ conversationId: g.id, authorId: owner!, body: 'one' });
        await store.createMessage({ conversationId: g.id, authorId: owner!, body: 'two' });
        await store.createMessage({ conversationId: g.id, authorId: a!, body: 'three' });
        await store.createMessage({
          conversationId: g.id,
          authorId: assistant!,
          body: 'an answer',
        });
        const after = await of();
        expect(after.messages - afterGroup.messages).toBe(3);
        expect(after.people - before.people).toBe(2);
        expect(after.aiReplies - afterGroup.aiReplies).toBe(1);
        // Nothing before `since` counts; days come back oldest first, without empty ones.
        expect(
          await store.messageActivity({
            since: new Date(Date.now() + 3600_000),
            assistantId: assistant!,
          }),
        ).toEqual([]);
        const days = (
          await store.messageActivity({ since: new Date(0), assistantId: assistant! })
        ).map((d) => d.day);
        expect(days).toEqual([...days].sort());
      });

      it('appends with the next seq and moves the author’s read position', async () => {
        const [owner, a] = await people(2);
        const g = await group(owner!, [a!]);
        const { message, created } = await store.createMessage({
          conversationId: g.id,
          authorId: owner!,
          body: 'Hello **there**',
          clientId: 'client-1',
          mentions: [a!],
        });
        expect(created).toBe(true);
        expect(message.id).toMatch(/^m_[a-z0-9]{20}$/);
        expect(message.createdAt).toBeInstanceOf(Date);
        expect(message).toStrictEqual({
          id: message.id,
          conversationId: g.id,
          seq: 1,
          authorId: owner,
          kind: 'user',
          body: 'Hello **there**',
          clientId: 'client-1',
          replyToId: null,
          attachments: [],
          mentions: [a],
          reactions: [],
          system: null,
          threadRootId: null,
          alsoInConversation: false,
          thread: null,
          createdAt: message.createdAt,
          editedAt: null,
          deletedAt: null,
        });
        const reply = await store.createMessage({
          conversationId: g.id,
          authorId: a!,
          body: 'Hi',
          replyToId: message.id,
        });
        expect(reply.message).toMatchObject({ seq: 2, replyToId: message.id, clientId: null });
        const conversation = await store.getConversation({ id: g.id });
        expect(conversation?.lastSeq).toBe(2);
        expect(conversation!.lastActivityAt.getTime()).toBeGreaterThanOrEqual(
          g.lastActivityAt.getTime(),
        );
        const members = await store.listMemberships({ conversationId: g.id });
        expect(members.map((m) => [m.userId, m.lastReadSeq]).sort()).toEqual(
          [
            [owner, 1],
            [a, 2],
          ].sort(),
        );
        expect(await store.getMessage({ id: message.id })).toEqual(message);
      });

      it('answers a retry with the stored message and changes nothing', async () => {
        const [owner, a] = await people(2);
        const g = await group(owner!, [a!]);
        const first = await post(g.id, owner!, 'once', 'same');
        const retry = await store.createMessage({
          conversationId: g.id,
          authorId: owner!,
          body: 'changed',
          clientId: 'same',
        });
        expect(retry).toEqual({ message: first, created: false, queued: [] });
        expect((await store.getConversation({ id: g.id }))?.lastSeq).toBe(1);
        // Retries racing each other store the message once.
        const racing = await Promise.all(
          Array.from({ length: 5 }, () =>
            store.createMessage({
              conversationId: g.id,
              authorId: a!,
              body: 'x',
              clientId: 'race',
            }),
          ),
        );
        expect(racing.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(racing.map((r) => r.message.seq))).toEqual(new Set([2]));
        // The client id is per author and per conversation; no seq was spent on the retries.
        expect((await post(g.id, a!, 'other author', 'same')).seq).toBe(3);
        expect((await post((await group(owner!)).id, owner!, 'x', 'same')).seq).toBe(1);
      });

      it('stores system messages without an author or client id', async () => {
        const [owner, a] = await people(2);
        const g = await group(owner!, [a!]);
        const system = { type: 'member.added' as const, actorId: owner!, userIds: [a!] };
        const { message } = await store.createMessage({
          conversationId: g.id,
          authorId: null,
          body: '',
          system,
        });
        expect(message).toMatchObject({ seq: 1, authorId: null, kind: 'system', clientId: null });
        expect(message.system).toEqual(system);
        const members = await store.listMemberships({ conversationId: g.id });
        expect(members.map((m) => m.lastReadSeq)).toEqual([0, 0]);
      });

      it('gives 100 concurrent messages the seqs 1 to 100, without gaps', async () => {
        const owner = await person();
        const g = await group(owner);
        await Promise.all(Array.from({ length: 100 }, (_, i) => post(g.id, owner, `${i}`)));
        const page = await store.listMessages({ conversationId: g.id, limit: 200 });
        expect(seqs(page.messages)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
        expect((await store.getConversation({ id: g.id }))?.lastSeq).toBe(100);
      });

      it('claims uploads and embeds them as attachments, in the order given', async () => {
        const owner = await person();
        const g = await group(owner);
        const one = await upload(owner, 'one.webp');
        const two = await upload(owner, 'two.webp');
        const { message } = await store.createMessage({
          conversationId: g.id,
          authorId: owner,
          body: '',
          attachmentIds: [two.id, one.id],
        });
        const asAttachment = (u: Upload): Attachment => {
          const { userId: _u, conversationId: _c, messageId: _m, createdAt: _d, ...attachment } = u;
          return attachment;
        };
        expect(message.attachments).toStrictEqual([asAttachment(two), asAttachment(one)]);
        expect(await store.getUpload({ id: one.id })).toMatchObject({
          conversationId: g.id,
          messageId: message.id,
        });
      });

      it('reads messages by id, skipping unknown ids', async () => {
        const owner = await person();
        const g = await group(owner);
        const [m1, m2] = [await post(g.id, owner), await post(g.id, owner)];
        const found = await store.getMessages({ ids: [m2.id, 'm_missing', m1.id] });
        expect(found.map((m) => m.id).sort()).toEqual([m1.id, m2.id].sort());
        expect(await store.getMessages({ ids: [] })).toEqual([]);
        expect(await store.getMessage({ id: 'm_missing' })).toBeNull();
      });
    });

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
