import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';

/** The uploads port (lib/db/ports/uploads.ts); claiming by a message is in the messages contract. */
export function uploadsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: uploads port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { person, upload } = chatFixtures(() => store);

    describe('uploads', () => {
      it('creates uploads unclaimed and reads them back, skipping unknown ids', async () => {
        const owner = await person();
        const one = await upload(owner, 'a.webp');
        expect(one.id).toMatch(/^up_[a-z0-9]{20}$/);
        expect(one.createdAt).toBeInstanceOf(Date);
        expect(one).toStrictEqual({
          id: one.id,
          kind: 'image',
          name: 'a.webp',
          contentType: 'image/webp',
          size: 1234,
          width: 640,
          height: 480,
          key: 'uploads/a.webp',
          thumbKey: 'uploads/a.webp.thumb',
          userId: owner,
          conversationId: null,
          messageId: null,
          createdAt: one.createdAt,
        });
        const two = await upload(owner, 'b.webp');
        expect(await store.getUpload({ id: one.id })).toEqual(one);
        expect(await store.getUpload({ id: 'up_missing' })).toBeNull();
        const found = await store.getUploads({ ids: [two.id, 'up_missing', one.id] });
        expect(found.map((u) => u.id).sort()).toEqual([one.id, two.id].sort());
      });
    });
  });
}
