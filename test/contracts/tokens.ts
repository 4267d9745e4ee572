import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FIELD_LIMITS, StoreValidationError } from '@/lib/db/rules';
import type { Store } from '@/lib/db/store';

import { type OpenStore, uniqueEmail } from './fixtures';

/** The tokens port (lib/db/ports/tokens.ts): personal API tokens, found by their hash. */
export function tokensContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: tokens port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const unique = uniqueEmail;

    describe('API tokens', () => {
      it('creates, lists newest first, uses and revokes tokens', async () => {
        const user = await store.createUser({
          email: unique(),
          name: 'Bot owner',
          passwordHash: null,
        });
        const first = await store.createApiToken({
          userId: user.id,
          name: 'ci',
          tokenHash: `h1-${user.id}`,
        });
        await new Promise((r) => setTimeout(r, 5));
        const second = await store.createApiToken({
          userId: user.id,
          name: 'bot',
          tokenHash: `h2-${user.id}`,
        });
        expect(first).toMatchObject({ userId: user.id, name: 'ci', lastUsedAt: null });
        expect((await store.listApiTokens({ userId: user.id })).map((t) => t.id)).toEqual([
          second.id,
          first.id,
        ]);

        const used = await store.useApiToken({ tokenHash: `h1-${user.id}` });
        expect(used?.user.id).toBe(user.id);
        expect(used?.token.lastUsedAt).toBeInstanceOf(Date);
        expect(await store.useApiToken({ tokenHash: 'unknown' })).toBeNull();

        const other = await store.createUser({
          email: unique(),
          name: 'Other',
          passwordHash: null,
        });
        expect(await store.revokeApiToken({ userId: other.id, id: first.id })).toBe(false);
        expect(await store.revokeApiToken({ userId: user.id, id: first.id })).toBe(true);
        expect(await store.revokeApiToken({ userId: user.id, id: first.id })).toBe(false);
        expect(await store.useApiToken({ tokenHash: `h1-${user.id}` })).toBeNull();
        expect((await store.listApiTokens({ userId: user.id })).map((t) => t.id)).toEqual([
          second.id,
        ]);
      });
    });

    it('refuses a token name past its limit, storing nothing', async () => {
      const user = await store.createUser({ email: unique(), name: 'Owner', passwordHash: null });
      await expect(
        store.createApiToken({
          userId: user.id,
          name: 'x'.repeat(FIELD_LIMITS.tokenName + 1),
          tokenHash: 'h-long',
        }),
      ).rejects.toBeInstanceOf(StoreValidationError);
      expect(await store.listApiTokens({ userId: user.id })).toEqual([]);
    });
  });
}
