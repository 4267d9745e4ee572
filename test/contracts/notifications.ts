import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';
import type { Notification } from '@/lib/db/types';

import { type OpenStore } from './fixtures';
import { notificationHelpers } from './notification-helpers';

/**
 * The notifications port (lib/db/ports/notifications.ts): one per source, paging, read marks,
 * push and email claims. Every adapter runs it (test/contracts/index.ts).
 */
export function notificationsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: notifications port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, group, post, ids, pair } = notificationHelpers(() => store);

    describe('notifications', () => {
      it('prunes notifications read before a time, never unread ones', async () => {
        const { b, notify } = await pair();
        const read = await notify('mention');
        await tick(); // created in order (the list is newest first)
        const unread = await notify('dm');
        await tick();
        const beforeReading = new Date();
        await tick();
        expect(await store.markNotificationsRead({ userId: b, ids: [read.id] })).toEqual([read.id]);
        await tick();
        const afterReading = new Date();
        await store.pruneReadNotifications({ readBefore: beforeReading });
        expect(ids((await store.listNotifications({ userId: b, limit: 10 })).items)).toEqual([
          unread.id,
          read.id,
        ]);
        expect(await store.pruneReadNotifications({ readBefore: afterReading })).toBeGreaterThan(0);
        expect(ids((await store.listNotifications({ userId: b, limit: 10 })).items)).toEqual([
          unread.id,
        ]);
        expect(await store.countUnreadNotifications({ userId: b })).toBe(1);
      });

      it('creates an unread notification and lists it', async () => {
        const { a, b, conversationId } = await pair();
        const message = await post(conversationId, a, 'hello there');
        const { notification, created } = await store.createNotification({
          userId: b,
          kind: 'dm',
          conversationId,
          messageId: message.id,
          callId: null,
          seq: message.seq,
          actorId: a,
          preview: 'hello there',
        });
        expect(created).toBe(true);
        expect(notification.id).toMatch(/^ntf_[a-z0-9]{20}$/);
        expect(notification.createdAt).toBeInstanceOf(Date);
        expect(notification).toStrictEqual({
          id: notification.id,
          userId: b,
          kind: 'dm',
          conversationId,
          messageId: message.id,
          callId: null,
          seq: message.seq,
          actorId: a,
          preview: 'hello there',
          createdAt: notification.createdAt,
          readAt: null,
          pushedAt: null,
          emailedAt: null,
        });
        expect(await store.listNotifications({ userId: b, limit: 10 })).toStrictEqual({
          items: [notification],
          nextCursor: null,
        });
        expect(await store.countUnreadNotifications({ userId: b })).toBe(1);
        expect(await store.countUnreadNotifications({ userId: a })).toBe(0);
      });

      it('keeps one notification per person per message: a second create returns the first', async () => {
        const { a, b, conversationId, notify } = await pair();
        const first = await notify('mention');
        const again = await store.createNotification({
          userId: b,
          kind: 'reply',
          conversationId,
          messageId: first.messageId,
          callId: null,
          seq: first.seq,
          actorId: a,
          preview: 'edited text',
        });
        expect(again).toStrictEqual({ notification: first, created: false });
        // Another person may be notified about the same message.
        const forA = await store.createNotification({
          userId: a,
          kind: 'message',
          conversationId,
          messageId: first.messageId,
          callId: null,
          seq: first.seq,
          actorId: b,
          preview: 'x',
        });
        expect(forA.created).toBe(true);
        expect(forA.notification.id).not.toBe(first.id);
      });

      it('keeps one notification per person per call, for concurrent creates too', async () => {
        const { a, b, conversationId } = await pair();
        const { call } = await store.createCall({ conversationId, startedBy: a, kind: 'audio' });
        const input = {
          userId: b,
          kind: 'missed_call' as const,
          conversationId,
          messageId: null,
          callId: call.id,
          seq: null,
          actorId: a,
          preview: 'Missed audio call',
        };
        const results = await Promise.all([1, 2, 3, 4].map(() => store.createNotification(input)));
        expect(new Set(results.map((r) => r.notification.id)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(results[0]!.notification).toMatchObject({ messageId: null, callId: call.id });
      });

      it('stores game notices, one per source key, several per message (migration 12)', async () => {
        const { a, b, conversationId } = await pair();
        const card = await post(conversationId, a, 'card');
        const notice = (kind: 'game_challenge' | 'game_turn', sourceKey: string) =>
          store.createNotification({
            userId: b,
            kind,
            sourceKey,
            conversationId,
            messageId: card.id,
            callId: null,
            seq: card.seq,
            actorId: a,
            preview: 'Connect Four',
          });
        const challenged = await notice('game_challenge', 'game-challenge:g1');
        const turn = await notice('game_turn', 'game-turn:g1:3');
        const again = await notice('game_turn', 'game-turn:g1:3');
        const nextTurn = await notice('game_turn', 'game-turn:g1:5');
        expect(challenged).toMatchObject({
          created: true,
          notification: { kind: 'game_challenge', messageId: card.id },
        });
        expect(turn.created).toBe(true);
        expect(again).toStrictEqual({ notification: turn.notification, created: false });
        expect(nextTurn.created).toBe(true);
        expect(new Set([challenged, turn, nextTurn].map((r) => r.notification.id)).size).toBe(3);
        expect(await store.countUnreadNotifications({ userId: b })).toBe(3);
        // A message's own notification (keyed by the message) is yet another source.
        const plain = await store.createNotification({
          userId: b,
          kind: 'mention',
          conversationId,
          messageId: card.id,
          callId: null,
          seq: card.seq,
          actorId: a,
          preview: 'card',
        });
        expect(plain.created).toBe(true);
      });

      it('pages a person’s notifications newest first with a cursor', async () => {
        const { b, notify } = await pair();
        const made: Notification[] = [];
        for (let i = 0; i < 5; i++) {
          made.push(await notify());
          await tick();
        }
        const newest = ids(made).reverse();
        const first = await store.listNotifications({ userId: b, limit: 2 });
        expect(ids(first.items)).toEqual(newest.slice(0, 2));
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = await store.listNotifications({
          userId: b,
          limit: 2,
          cursor: first.nextCursor,
        });
        expect(ids(second.items)).toEqual(newest.slice(2, 4));
        const third = await store.listNotifications({
          userId: b,
          limit: 2,
          cursor: second.nextCursor,
        });
        expect(third).toStrictEqual({ items: [made[0]], nextCursor: null });
        // A cursor that does not parse starts over.
        const restart = await store.listNotifications({ userId: b, limit: 2, cursor: 'nonsense' });
        expect(ids(restart.items)).toEqual(newest.slice(0, 2));
      });

      it('marks chosen notifications read, only the person’s own, and only once', async () => {
        const { b, notify } = await pair();
        const other = await pair();
        const [n1, n2, n3] = [await notify(), await notify(), await notify()];
        const theirs = await other.notify();
        const changed = await store.markNotificationsRead({
          userId: b,
          ids: [n1.id, n3.id, theirs.id, 'ntf_missing'],
        });
        expect(changed.sort()).toEqual([n1.id, n3.id].sort());
        expect(await store.countUnreadNotifications({ userId: b })).toBe(1);
        expect(await store.countUnreadNotifications({ userId: other.b })).toBe(1);
        expect(await store.markNotificationsRead({ userId: b, ids: [n1.id] })).toEqual([]);
        expect(await store.markNotificationsRead({ userId: b, ids: [] })).toEqual([]);
        const { items } = await store.listNotifications({ userId: b, limit: 10 });
        const read = new Map(items.map((n) => [n.id, n.readAt]));
        expect(read.get(n1.id)).toBeInstanceOf(Date);
        expect(read.get(n2.id)).toBeNull();
        expect(read.get(n3.id)).toBeInstanceOf(Date);
      });

      it('marks all of a person’s unread notifications read', async () => {
        const { b, notify } = await pair();
        const other = await pair();
        const [n1, n2] = [await notify(), await notify()];
        await store.markNotificationsRead({ userId: b, ids: [n1.id] });
        await other.notify();
        expect(await store.markNotificationsRead({ userId: b, all: true })).toEqual([n2.id]);
        expect(await store.countUnreadNotifications({ userId: b })).toBe(0);
        expect(await store.countUnreadNotifications({ userId: other.b })).toBe(1);
        expect(await store.markNotificationsRead({ userId: b, all: true })).toEqual([]);
      });

      it('marks a conversation’s notifications read up to a seq', async () => {
        const { a, b, conversationId, notify } = await pair();
        const { id: elsewhere } = await group(a, [b]);
        const [s1, s2, s3] = [await notify(), await notify(), await notify()];
        const other = await notify('message', elsewhere);
        expect([s1.seq, s2.seq, s3.seq]).toEqual([1, 2, 3]);
        const changed = await store.markNotificationsRead({
          userId: b,
          conversationId,
          uptoSeq: 2,
        });
        expect(changed.sort()).toEqual([s1.id, s2.id].sort());
        // Someone else reading the conversation reads none of b's.
        expect(
          await store.markNotificationsRead({ userId: a, conversationId, uptoSeq: 3 }),
        ).toEqual([]);
        const { items } = await store.listNotifications({ userId: b, limit: 10 });
        const unread = items.filter((n) => n.readAt === null).map((n) => n.id);
        expect(unread.sort()).toEqual([s3.id, other.id].sort());
      });
    });
  });
}
