import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FIELD_LIMITS, StoreValidationError } from '@/lib/db/rules';
import type { Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';

/**
 * The conversations and memberships ports (lib/db/ports/conversations.ts): direct conversations,
 * groups, members, roles and read positions. Every adapter runs it (test/contracts/index.ts).
 */
export function conversationsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: conversations and memberships ports`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, person, people, group, post } = chatFixtures(() => store);

    describe('conversations', () => {
      it('finds or creates the one direct conversation of a pair, in either order', async () => {
        const [a, b] = await people(2);
        const first = await store.findOrCreateDirect({ userIds: [a!, b!], createdBy: a! });
        expect(first.created).toBe(true);
        const { id, lastActivityAt, createdAt } = first.conversation;
        expect(id).toMatch(/^c_[a-z0-9]{20}$/);
        expect(lastActivityAt).toBeInstanceOf(Date);
        expect(createdAt).toBeInstanceOf(Date);
        expect(first.conversation).toStrictEqual({
          id,
          kind: 'direct',
          name: null,
          createdBy: a,
          lastSeq: 0,
          lastActivityAt,
          createdAt,
        });
        const again = await store.findOrCreateDirect({ userIds: [b!, a!], createdBy: b! });
        expect(again).toEqual({ conversation: first.conversation, created: false });
        const members = await store.listMemberships({ conversationId: first.conversation.id });
        expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
          [
            [a, 'owner'],
            [b, 'owner'],
          ].sort(),
        );
      });

      it('returns one direct conversation to concurrent calls for the same pair', async () => {
        const [a, b] = await people(2);
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            store.findOrCreateDirect({ userIds: i % 2 ? [a!, b!] : [b!, a!], createdBy: a! }),
          ),
        );
        expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
      });

      it('refuses a direct conversation with oneself', async () => {
        const a = await person();
        await expect(store.findOrCreateDirect({ userIds: [a, a], createdBy: a })).rejects.toThrow(
          Error,
        );
      });

      it('creates a group with one owner, ignoring duplicates and the owner among members', async () => {
        const [owner, b, c] = await people(3);
        const created = await group(owner!, [b!, b!, owner!, c!]);
        expect(created).toMatchObject({
          kind: 'group',
          name: 'Team',
          createdBy: owner,
          lastSeq: 0,
        });
        const members = await store.listMemberships({ conversationId: created.id });
        expect(members).toHaveLength(3);
        expect(
          members
            .filter((m) => m.role === 'member')
            .map((m) => m.userId)
            .sort(),
        ).toEqual([b, c].sort());
        const ownerMembership = members.find((m) => m.userId === owner);
        expect(ownerMembership?.joinedAt).toBeInstanceOf(Date);
        expect(ownerMembership).toStrictEqual({
          conversationId: created.id,
          userId: owner,
          role: 'owner',
          lastReadSeq: 0,
          muted: false,
          joinedAt: ownerMembership?.joinedAt,
        });
      });

      it('gets and renames a conversation, and answers null for unknown ones', async () => {
        const created = await group(await person());
        expect(await store.getConversation({ id: created.id })).toEqual(created);
        expect(await store.renameConversation({ id: created.id, name: 'Renamed' })).toEqual({
          ...created,
          name: 'Renamed',
        });
        expect(await store.getConversation({ id: 'c_missing' })).toBeNull();
        expect(await store.renameConversation({ id: 'c_missing', name: 'X' })).toBeNull();
      });

      it("lists a person's conversations by latest activity, each with their membership", async () => {
        const [u, other] = await people(2);
        const first = await group(u!);
        await tick();
        const second = await group(u!);
        await tick();
        const third = await group(other!, [u!]);
        await group(other!);
        await tick();
        await post(first.id, u!);
        const list = await store.listConversations({ userId: u! });
        expect(list.map((c) => c.conversation.id)).toEqual([first.id, third.id, second.id]);
        expect(list[0]?.conversation.lastSeq).toBe(1);
        expect(list[0]?.membership).toMatchObject({ userId: u, role: 'owner', lastReadSeq: 1 });
        expect(list[1]?.membership).toMatchObject({ conversationId: third.id, role: 'member' });
      });

      it('breaks ties in activity by id, descending', async () => {
        const u = await person();
        await Promise.all(Array.from({ length: 6 }, () => group(u)));
        const list = (await store.listConversations({ userId: u })).map((c) => c.conversation);
        const sorted = [...list].sort(
          (x, y) =>
            y.lastActivityAt.getTime() - x.lastActivityAt.getTime() || (x.id < y.id ? 1 : -1),
        );
        expect(list.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
      });

      it('lists contacts: distinct people who share a conversation, not oneself, up to limit', async () => {
        const [u, a, b, c, stranger] = await people(5);
        await store.findOrCreateDirect({ userIds: [u!, a!], createdBy: u! });
        await group(u!, [a!, b!, c!]);
        await group(stranger!, [a!]);
        expect((await store.listContacts({ userId: u!, limit: 10 })).sort()).toEqual(
          [a, b, c].sort(),
        );
        const two = await store.listContacts({ userId: u!, limit: 2 });
        expect(two).toHaveLength(2);
        expect(new Set(two).size).toBe(2);
        expect((await store.listContacts({ userId: await person(), limit: 5 })).length).toBe(0);
      });
    });

    describe('memberships', () => {
      it('adds only people who are not members yet, and returns just those', async () => {
        const [owner, a, b, c] = await people(4);
        const g = await group(owner!, [a!]);
        const added = await store.addMembers({ conversationId: g.id, userIds: [a!, b!, b!, c!] });
        expect(added.map((m) => m.userId).sort()).toEqual([b, c].sort());
        expect(added.every((m) => m.role === 'member' && m.lastReadSeq === 0)).toBe(true);
        expect(await store.addMembers({ conversationId: g.id, userIds: [b!] })).toEqual([]);
        const [admin] = await store.addMembers({
          conversationId: g.id,
          userIds: [await person()],
          role: 'admin',
        });
        expect(admin?.role).toBe('admin');
      });

      it('lists members in the order they joined, then by user id', async () => {
        const [owner, a, b] = await people(3);
        const g = await group(owner!);
        await tick();
        await store.addMembers({ conversationId: g.id, userIds: [b!, a!] });
        const members = await store.listMemberships({ conversationId: g.id });
        expect(members[0]?.userId).toBe(owner);
        const sorted = [...members].sort(
          (x, y) => x.joinedAt.getTime() - y.joinedAt.getTime() || (x.userId < y.userId ? -1 : 1),
        );
        expect(members).toEqual(sorted);
      });

      it('removes a member once; false for people who are not members', async () => {
        const [owner, a] = await people(2);
        const g = await group(owner!, [a!]);
        expect(await store.removeMember({ conversationId: g.id, userId: a! })).toBe(true);
        expect(await store.removeMember({ conversationId: g.id, userId: a! })).toBe(false);
        expect(await store.getMembership({ conversationId: g.id, userId: a! })).toBeNull();
        expect(await store.listConversations({ userId: a! })).toEqual([]);
      });

      it('updates only the membership fields given; null for non-members', async () => {
        const [owner, a] = await people(2);
        const g = await group(owner!, [a!]);
        const key = { conversationId: g.id, userId: a! };
        expect(await store.updateMembership({ ...key, muted: true })).toMatchObject({
          role: 'member',
          muted: true,
        });
        expect(await store.updateMembership({ ...key, role: 'admin' })).toMatchObject({
          role: 'admin',
          muted: true,
        });
        expect(await store.getMembership(key)).toMatchObject({ role: 'admin', muted: true });
        const outsider = { conversationId: g.id, userId: await person() };
        expect(await store.updateMembership({ ...outsider, muted: true })).toBeNull();
      });

      it('moves the read position forward only, clamped to the last seq', async () => {
        const [owner, a] = await people(2);
        const g = await group(owner!, [a!]);
        for (let i = 0; i < 3; i++) await post(g.id, owner!);
        const key = { conversationId: g.id, userId: a! };
        expect((await store.markRead({ ...key, seq: 2 }))?.lastReadSeq).toBe(2);
        expect((await store.markRead({ ...key, seq: 1 }))?.lastReadSeq).toBe(2);
        expect((await store.markRead({ ...key, seq: 99 }))?.lastReadSeq).toBe(3);
        const outsider = { conversationId: g.id, userId: await person(), seq: 1 };
        expect(await store.markRead(outsider)).toBeNull();
      });

      it('marks unread from a message: the read position moves back only', async () => {
        const [owner, a] = await people(2);
        const g = await group(owner!, [a!]);
        for (let i = 0; i < 4; i++) await post(g.id, owner!);
        const key = { conversationId: g.id, userId: a! };
        await store.markRead({ ...key, seq: 4 });
        expect((await store.markUnread({ ...key, seq: 3 }))?.lastReadSeq).toBe(2);
        // Unread from a later message than the position: nothing to move.
        expect((await store.markUnread({ ...key, seq: 4 }))?.lastReadSeq).toBe(2);
        expect((await store.markUnread({ ...key, seq: 1 }))?.lastReadSeq).toBe(0);
        expect((await store.markUnread({ ...key, seq: 0 }))?.lastReadSeq).toBe(0);
        const outsider = { conversationId: g.id, userId: await person(), seq: 1 };
        expect(await store.markUnread(outsider)).toBeNull();
      });
    });

    describe('field limits', () => {
      it('refuses a group name past its limit, on creation and on renaming', async () => {
        const owner = await person();
        await expect(
          store.createGroup({
            name: 'x'.repeat(FIELD_LIMITS.groupName + 1),
            ownerId: owner,
            memberIds: [],
          }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        expect(await store.listConversations({ userId: owner })).toEqual([]);
        const g = await group(owner);
        await expect(
          store.renameConversation({ id: g.id, name: 'x'.repeat(FIELD_LIMITS.groupName + 1) }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        expect(await store.getConversation({ id: g.id })).toEqual(g);
      });
    });
  });
}
