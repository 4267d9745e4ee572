import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_PINS } from '@/lib/db/ports/pins';
import type { Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';

/** The pins port (lib/db/ports/pins.ts): pin, unpin, the limit and the group policy. */
export function pinsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: pins port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, people, group, post } = chatFixtures(() => store);

    it('pins once, lists newest first, unpins', async () => {
      const [ana, bo] = await people(2);
      const g = await group(ana!, [bo!]);
      const m1 = await post(g.id, ana!);
      const m2 = await post(g.id, bo!);
      const first = await store.pinMessage({ conversationId: g.id, messageId: m1.id, userId: bo! });
      expect(first).toMatchObject({
        created: true,
        pin: { conversationId: g.id, messageId: m1.id, pinnedBy: bo },
      });
      await tick();
      await store.pinMessage({ conversationId: g.id, messageId: m2.id, userId: ana! });
      const again = await store.pinMessage({
        conversationId: g.id,
        messageId: m1.id,
        userId: ana!,
      });
      expect(again).toMatchObject({ created: false, pin: { pinnedBy: bo } });
      expect((await store.listPins({ conversationId: g.id })).map((p) => p.messageId)).toEqual([
        m2.id,
        m1.id,
      ]);
      expect(await store.unpinMessage({ conversationId: g.id, messageId: m1.id })).toBe(true);
      expect(await store.unpinMessage({ conversationId: g.id, messageId: m1.id })).toBe(false);
      expect((await store.listPins({ conversationId: g.id })).map((p) => p.messageId)).toEqual([
        m2.id,
      ]);
    });

    it(`holds at most ${MAX_PINS} pins per conversation`, async () => {
      const [ana] = await people(1);
      const g = await group(ana!);
      const other = await group(ana!);
      const ids = [];
      for (let i = 0; i <= MAX_PINS; i++) ids.push((await post(g.id, ana!, `m${i}`)).id);
      for (const id of ids.slice(0, MAX_PINS))
        await store.pinMessage({ conversationId: g.id, messageId: id, userId: ana! });
      expect(
        await store.pinMessage({ conversationId: g.id, messageId: ids[MAX_PINS]!, userId: ana! }),
      ).toEqual({ full: true });
      // A message already pinned is still answered as pinned, and other conversations are free.
      expect(
        await store.pinMessage({ conversationId: g.id, messageId: ids[0]!, userId: ana! }),
      ).toMatchObject({ created: false });
      const elsewhere = await post(other.id, ana!);
      expect(
        await store.pinMessage({ conversationId: other.id, messageId: elsewhere.id, userId: ana! }),
      ).toMatchObject({ created: true });
      expect(await store.listPins({ conversationId: g.id })).toHaveLength(MAX_PINS);
    });

    it('keeps a group’s pin policy, admins and the author by default', async () => {
      const [ana] = await people(1);
      const g = await group(ana!);
      expect(await store.getPinPolicy({ conversationId: g.id })).toBe('admins_and_author');
      expect(await store.setPinPolicy({ conversationId: g.id, policy: 'everyone' })).toBe(
        'everyone',
      );
      expect(await store.getPinPolicy({ conversationId: g.id })).toBe('everyone');
      await store.setPinPolicy({ conversationId: g.id, policy: 'admins_and_author' });
      expect(await store.getPinPolicy({ conversationId: g.id })).toBe('admins_and_author');
    });
  });
}
