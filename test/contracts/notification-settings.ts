import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';

/** The notification settings port (lib/db/ports/notifications.ts): defaults and updates. */
export function notificationSettingsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: notification settings port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { people } = chatFixtures(() => store);

    describe('notification settings', () => {
      it('gives defaults to a person who never chose', async () => {
        const [a] = (await people(1)) as [string];
        expect(await store.getNotificationSettings({ userId: a })).toStrictEqual({
          userId: a,
          level: 'mentions',
          emailDigest: true,
          lastDigestAt: null,
          doNotDisturb: false,
        });
      });

      it('keeps Do not disturb apart from the other settings', async () => {
        const [a] = (await people(1)) as [string];
        await store.updateNotificationSettings({ userId: a, level: 'all' });
        expect(
          await store.updateNotificationSettings({ userId: a, doNotDisturb: true }),
        ).toMatchObject({ level: 'all', emailDigest: true, doNotDisturb: true });
        expect(
          await store.updateNotificationSettings({ userId: a, level: 'nothing' }),
        ).toMatchObject({
          level: 'nothing',
          doNotDisturb: true,
        });
        const [b] = (await people(1)) as [string];
        expect(
          await store.updateNotificationSettings({ userId: b, doNotDisturb: true }),
        ).toMatchObject({ level: 'mentions', emailDigest: true, doNotDisturb: true });
        const all = await store.getNotificationSettingsFor({ userIds: [a, b] });
        expect(all.every((s) => s.doNotDisturb)).toBe(true);
      });

      it('updates only the settings given, keeping the rest', async () => {
        const [a] = (await people(1)) as [string];
        expect(await store.updateNotificationSettings({ userId: a, level: 'all' })).toStrictEqual({
          userId: a,
          level: 'all',
          emailDigest: true,
          lastDigestAt: null,
          doNotDisturb: false,
        });
        const at = new Date(Math.floor(Date.now() / 1000) * 1000);
        await store.updateNotificationSettings({ userId: a, emailDigest: false });
        const updated = await store.updateNotificationSettings({ userId: a, lastDigestAt: at });
        expect(updated).toStrictEqual({
          userId: a,
          level: 'all',
          emailDigest: false,
          lastDigestAt: at,
          doNotDisturb: false,
        });
        expect(await store.getNotificationSettings({ userId: a })).toStrictEqual(updated);
        expect(await store.updateNotificationSettings({ userId: a })).toStrictEqual(updated);
      });

      it('reads several people’s settings at once, with defaults for those never set', async () => {
        const [a, b, c] = (await people(3)) as [string, string, string];
        await store.updateNotificationSettings({ userId: a, level: 'nothing' });
        await store.updateNotificationSettings({ userId: c, emailDigest: false });
        const settings = await store.getNotificationSettingsFor({ userIds: [a, b, c, a] });
        const byUser = new Map(settings.map((s) => [s.userId, s]));
        expect(settings).toHaveLength(3);
        expect(byUser.get(a)).toMatchObject({ level: 'nothing', emailDigest: true });
        expect(byUser.get(b)).toStrictEqual(await store.getNotificationSettings({ userId: b }));
        expect(byUser.get(b)).toMatchObject({ level: 'mentions', emailDigest: true });
        expect(byUser.get(c)).toMatchObject({ level: 'mentions', emailDigest: false });
        expect(await store.getNotificationSettingsFor({ userIds: [] })).toEqual([]);
      });
    });
  });
}
