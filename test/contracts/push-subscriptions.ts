import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';

/** The push subscriptions port (lib/db/ports/push-subscriptions.ts). */
export function pushSubscriptionsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: push subscriptions port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, people } = chatFixtures(() => store);

    describe('web push subscriptions', () => {
      const endpoint = () => `https://push.example.com/send/${Math.random().toString(36).slice(2)}`;

      it('saves subscriptions and lists a person’s own', async () => {
        const [a, b] = (await people(2)) as [string, string];
        const url = endpoint();
        const saved = await store.savePushSubscription({
          userId: a,
          endpoint: url,
          p256dh: 'key-1',
          auth: 'auth-1',
        });
        expect(saved.id).toMatch(/^push_[a-z0-9]{20}$/);
        expect(saved).toStrictEqual({
          id: saved.id,
          userId: a,
          endpoint: url,
          p256dh: 'key-1',
          auth: 'auth-1',
          createdAt: saved.createdAt,
        });
        expect(saved.createdAt).toBeInstanceOf(Date);
        await tick();
        const second = await store.savePushSubscription({
          userId: a,
          endpoint: endpoint(),
          p256dh: 'k',
          auth: 'a',
        });
        expect(await store.listPushSubscriptions({ userId: a })).toStrictEqual([saved, second]);
        expect(await store.listPushSubscriptions({ userId: b })).toEqual([]);
      });

      it('moves an endpoint seen before to the person saving it, with the new keys', async () => {
        const [a, b] = (await people(2)) as [string, string];
        const url = endpoint();
        const first = await store.savePushSubscription({
          userId: a,
          endpoint: url,
          p256dh: 'old',
          auth: 'old',
        });
        const moved = await store.savePushSubscription({
          userId: b,
          endpoint: url,
          p256dh: 'new',
          auth: 'new',
        });
        expect(moved).toMatchObject({ id: first.id, userId: b, endpoint: url, p256dh: 'new' });
        expect(moved.auth).toBe('new');
        expect(await store.listPushSubscriptions({ userId: a })).toEqual([]);
        expect(await store.listPushSubscriptions({ userId: b })).toStrictEqual([moved]);
      });

      it('deletes by endpoint, only the person’s own when a userId is given', async () => {
        const [a, b] = (await people(2)) as [string, string];
        const [url1, url2] = [endpoint(), endpoint()];
        await store.savePushSubscription({ userId: a, endpoint: url1, p256dh: 'k', auth: 'a' });
        await store.savePushSubscription({ userId: a, endpoint: url2, p256dh: 'k', auth: 'a' });
        expect(await store.deletePushSubscription({ endpoint: url1, userId: b })).toBe(false);
        expect(await store.listPushSubscriptions({ userId: a })).toHaveLength(2);
        expect(await store.deletePushSubscription({ endpoint: url1, userId: a })).toBe(true);
        // Without a userId (the push service said the endpoint is gone): whoever owns it.
        expect(await store.deletePushSubscription({ endpoint: url2 })).toBe(true);
        expect(await store.deletePushSubscription({ endpoint: url2 })).toBe(false);
        expect(await store.listPushSubscriptions({ userId: a })).toEqual([]);
      });
    });
  });
}
