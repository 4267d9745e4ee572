import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';
import type { Notification, NotificationKind } from '@/lib/db/types';

import { type OpenStore } from './fixtures';
import { notificationHelpers } from './notification-helpers';

/**
 * The notifications port, part 2: push and email records and the email claims (one email per
 * notification, however many digests run at once). Every adapter runs it (test/contracts/index.ts).
 */
export function notificationDeliveriesContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: notifications port, deliveries`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, ids, pair } = notificationHelpers(() => store);

    describe('notification deliveries', () => {
      it('records when a push and an email went out, keeping the first time', async () => {
        const { b, notify } = await pair();
        const [n1, n2] = [await notify(), await notify()];
        const first = new Date(Math.floor(Date.now() / 1000) * 1000);
        const later = new Date(first.getTime() + 60_000);
        await store.markNotificationsPushed({ ids: [n1.id, n2.id], at: first });
        await store.markNotificationsPushed({ ids: [n1.id], at: later });
        expect(await store.markNotificationsEmailed({ ids: [n2.id], at: later })).toEqual([n2.id]);
        expect(
          await store.markNotificationsEmailed({ ids: [n2.id, 'ntf_missing'], at: first }),
        ).toEqual([]);
        await store.markNotificationsPushed({ ids: [], at: later });
        expect(await store.markNotificationsEmailed({ ids: [], at: later })).toEqual([]);
        const { items } = await store.listNotifications({ userId: b, limit: 10 });
        const byId = new Map(items.map((n) => [n.id, n]));
        expect(byId.get(n1.id)).toMatchObject({ pushedAt: first, emailedAt: null, readAt: null });
        expect(byId.get(n2.id)).toMatchObject({ pushedAt: first, emailedAt: later, readAt: null });
      });

      it('claims for an email only the notifications not claimed yet, and returns those', async () => {
        const { b, notify } = await pair();
        const [n1, n2, n3] = [await notify(), await notify(), await notify()];
        const at = new Date(Math.floor(Date.now() / 1000) * 1000);
        expect(await store.markNotificationsEmailed({ ids: [n1.id], at })).toEqual([n1.id]);
        const claimed = await store.markNotificationsEmailed({
          ids: [n1.id, n2.id, n3.id, n2.id, 'ntf_missing'],
          at,
        });
        expect(claimed.sort()).toEqual([n2.id, n3.id].sort());
        expect(await store.markNotificationsEmailed({ ids: [n1.id, n2.id, n3.id], at })).toEqual(
          [],
        );
        const { items } = await store.listNotifications({ userId: b, limit: 10 });
        expect(items.map((n) => n.emailedAt)).toEqual([at, at, at]);
      });

      it('splits concurrent claims of the same notifications with no overlap', async () => {
        const { notify } = await pair();
        const made: Notification[] = [];
        for (let i = 0; i < 6; i++) made.push(await notify());
        const all = ids(made);
        // The same instant for every claim: nothing but the store's atomicity tells them apart.
        const at = new Date(Math.floor(Date.now() / 1000) * 1000);
        const claims = await Promise.all(
          [1, 2, 3, 4].map(() => store.markNotificationsEmailed({ ids: all, at })),
        );
        const union = claims.flat();
        expect(union.sort()).toEqual([...all].sort());
        expect(new Set(union).size).toBe(all.length);
      });

      it('gives claimed notifications back, so a later email can claim them again', async () => {
        const { b, notify } = await pair();
        const other = await pair();
        const [n1, n2] = [await notify(), await notify()];
        const theirs = await other.notify();
        const at = new Date(Math.floor(Date.now() / 1000) * 1000);
        await store.markNotificationsEmailed({ ids: [n1.id, n2.id, theirs.id], at });
        await store.clearNotificationsEmailed({ ids: [n1.id, 'ntf_missing'] });
        await store.clearNotificationsEmailed({ ids: [] });
        const unemailed = await store.listUnemailedNotifications({
          userId: b,
          kinds: ['mention'],
          limit: 10,
        });
        expect(ids(unemailed)).toEqual([n1.id]);
        const { items } = await store.listNotifications({ userId: other.b, limit: 10 });
        expect(items[0]!.emailedAt).toEqual(at);
        expect(await store.markNotificationsEmailed({ ids: [n1.id, n2.id], at })).toEqual([n1.id]);
      });

      it('lists unread, not yet emailed notifications of some kinds, oldest first', async () => {
        const { b, conversationId, notify } = await pair();
        const mention = await notify('mention');
        await tick();
        const message = await notify('message');
        await tick();
        const dm = await notify('dm');
        await tick();
        const emailed = await notify('dm');
        await tick();
        const read = await notify('mention');
        await tick();
        const latest = await notify('reply');
        await store.markNotificationsEmailed({ ids: [emailed.id], at: new Date() });
        await store.markNotificationsRead({ userId: b, ids: [read.id] });

        const list = (kinds: NotificationKind[], limit = 10) =>
          store.listUnemailedNotifications({ userId: b, kinds, limit });
        expect(ids(await list(['mention', 'dm']))).toEqual([mention.id, dm.id]);
        expect(ids(await list(['mention', 'dm', 'reply', 'message'], 2))).toEqual([
          mention.id,
          message.id,
        ]);
        expect(ids(await list(['reply']))).toEqual([latest.id]);
        expect(await list([])).toEqual([]);
        expect(
          await store.listUnemailedNotifications({ userId: 'u_nobody', kinds: ['dm'], limit: 5 }),
        ).toEqual([]);
        expect(conversationId).toBe(mention.conversationId);
      });
    });
  });
}
