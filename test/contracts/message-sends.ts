/** The messages port's sends: seqs, idempotent retries, system messages, attachments, reads by id. */
import { beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';
import type { Attachment, Upload } from '@/lib/db/types';

import { chatFixtures } from './fixtures';

/** The `messages` cases of messagesContract (test/contracts/messages.ts), on the store it opened. */
export function messageSendCases(getStore: () => Store): void {
  let store: Store;
  beforeAll(() => {
    store = getStore();
  });
  const { person, people, group, post, seqs, upload } = chatFixtures(getStore);

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
}
