import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from './store';
import { StoreConflictError } from './types';

/**
 * The store contract: every adapter runs this same suite (SQLite always, MongoDB when
 * MONGODB_URI is set). `open` returns a fresh, empty store.
 */
export function storeContract(name: string, open: () => Promise<Store>) {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    const unique = () => `${Math.random().toString(36).slice(2, 10)}@example.com`;

    describe('users', () => {
      it('creates a user and reads it back by id and by email', async () => {
        const email = unique();
        const user = await store.createUser({ email, name: 'Ana López', passwordHash: 'hash-1' });
        expect(user).toMatchObject({
          email,
          name: 'Ana López',
          statusText: null,
          avatarKey: null,
          emailVerified: false,
          sessionVersion: 0,
        });
        expect(user.id).toMatch(/^u_[a-z0-9]{20}$/);
        expect(user.createdAt).toBeInstanceOf(Date);
        expect(await store.getUserById({ id: user.id })).toEqual(user);
        expect(await store.getUserByEmail({ email })).toEqual(user);
        expect(await store.getPasswordHash({ userId: user.id })).toBe('hash-1');
      });

      it('reads several people by id, skipping unknown ids', async () => {
        const a = await store.createUser({ email: unique(), name: 'Many A', passwordHash: null });
        const b = await store.createUser({ email: unique(), name: 'Many B', passwordHash: null });
        const found = await store.getUsersByIds({ ids: [b.id, 'u_missing', a.id, a.id] });
        expect(found.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
        expect(await store.getUsersByIds({ ids: [] })).toEqual([]);
      });

      it('answers null for unknown people', async () => {
        expect(await store.getUserById({ id: 'u_missing' })).toBeNull();
        expect(await store.getUserByEmail({ email: 'nobody@example.com' })).toBeNull();
        expect(await store.getPasswordHash({ userId: 'u_missing' })).toBeNull();
      });

      it('refuses a second account with the same email', async () => {
        const email = unique();
        await store.createUser({ email, name: 'One', passwordHash: null });
        await expect(
          store.createUser({ email, name: 'Two', passwordHash: null }),
        ).rejects.toBeInstanceOf(StoreConflictError);
      });

      it('keeps no password for OAuth-only people', async () => {
        const user = await store.createUser({
          email: unique(),
          name: 'Oauth',
          passwordHash: null,
          emailVerified: true,
        });
        expect(user.emailVerified).toBe(true);
        expect(await store.getPasswordHash({ userId: user.id })).toBeNull();
      });

      it('updates only the fields given', async () => {
        const user = await store.createUser({ email: unique(), name: 'Ben', passwordHash: null });
        const renamed = await store.updateUser({
          id: user.id,
          name: 'Benjamin',
          statusText: 'On holiday',
        });
        expect(renamed).toMatchObject({
          name: 'Benjamin',
          statusText: 'On holiday',
          avatarKey: null,
        });
        const withAvatar = await store.updateUser({ id: user.id, avatarKey: 'avatars/x.webp' });
        expect(withAvatar).toMatchObject({
          name: 'Benjamin',
          statusText: 'On holiday',
          avatarKey: 'avatars/x.webp',
        });
        const cleared = await store.updateUser({ id: user.id, statusText: null, avatarKey: null });
        expect(cleared).toMatchObject({ statusText: null, avatarKey: null });
        expect(await store.updateUser({ id: 'u_missing', name: 'X' })).toBeNull();
      });

      it('bumps the session version', async () => {
        const user = await store.createUser({ email: unique(), name: 'Cy', passwordHash: null });
        expect(await store.bumpSessionVersion({ id: user.id })).toBe(1);
        expect(await store.bumpSessionVersion({ id: user.id })).toBe(2);
        expect((await store.getUserById({ id: user.id }))?.sessionVersion).toBe(2);
      });
    });

    describe('searchUsers', () => {
      const tag = Math.random().toString(36).slice(2, 7);
      const names = ['Zed', 'zara', 'Zoe', 'Zack', 'Zelda'].map((n) => `${tag}${n}`);
      let ids: string[] = [];
      beforeAll(async () => {
        ids = [];
        for (const n of names)
          ids.push(
            (
              await store.createUser({
                email: `${n.toLowerCase()}@${tag}.test`,
                name: n,
                passwordHash: null,
              })
            ).id,
          );
      });

      it('finds by name prefix, case-insensitively, ordered by name', async () => {
        const page = await store.searchUsers({ query: `${tag.toUpperCase()}Z`, limit: 10 });
        expect(page.items.map((u) => u.name)).toEqual(
          [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
        );
        expect(page.nextCursor).toBeNull();
      });

      // An email finds someone only under lib/users/search.ts's rules, never by prefix.
      it('matches names, not emails', async () => {
        expect((await store.searchUsers({ query: `${tag}zoe@`, limit: 10 })).items).toEqual([]);
        expect(
          (await store.searchUsers({ query: `${tag}zoe@${tag}.test`, limit: 10 })).items,
        ).toEqual([]);
      });

      it('pages with a cursor without repeating or skipping anyone', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await store.searchUsers({ query: tag, limit: 2, cursor });
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((u) => u.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.sort()).toEqual([...ids].sort());
      });

      it('can leave the caller out, and treats LIKE wildcards literally', async () => {
        const page = await store.searchUsers({ query: tag, limit: 10, excludeId: ids[0] });
        expect(page.items.map((u) => u.id)).not.toContain(ids[0]);
        expect((await store.searchUsers({ query: '%', limit: 10 })).items).toEqual([]);
        expect((await store.searchUsers({ query: `${tag}_`, limit: 10 })).items).toEqual([]);
      });

      it('restarts from the beginning on a garbage cursor', async () => {
        const page = await store.searchUsers({ query: tag, limit: 10, cursor: 'not-a-cursor' });
        expect(page.items).toHaveLength(5);
      });
    });

    describe('OAuth accounts', () => {
      it('links an account once and finds the user through it', async () => {
        const user = await store.createUser({ email: unique(), name: 'Gh', passwordHash: null });
        await store.linkAccount({ userId: user.id, provider: 'github', providerAccountId: '42' });
        await store.linkAccount({ userId: user.id, provider: 'github', providerAccountId: '42' });
        expect(
          (await store.getUserByAccount({ provider: 'github', providerAccountId: '42' }))?.id,
        ).toBe(user.id);
        expect(
          await store.getUserByAccount({ provider: 'google', providerAccountId: '42' }),
        ).toBeNull();
      });
    });

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
  });
}
