import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { FIELD_LIMITS, StoreValidationError } from '@/lib/db/rules';
import type { Store } from '@/lib/db/store';
import { StoreConflictError } from '@/lib/db/types';

import { type OpenStore, uniqueEmail } from './fixtures';

/**
 * The users port (lib/db/ports/users.ts): people, search, OAuth accounts and the built-in people.
 * Every adapter runs it (test/contracts/index.ts).
 */
export function usersContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: users port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    const unique = uniqueEmail;

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

      // An email finds someone only under lib/users/server/search.ts's rules, never by prefix.
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

    describe('field limits', () => {
      it('refuses a name or email past its limit, storing nothing', async () => {
        const email = unique();
        await expect(
          store.createUser({
            email,
            name: 'x'.repeat(FIELD_LIMITS.userName + 1),
            passwordHash: null,
          }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        const tooLongEmail = `${'x'.repeat(FIELD_LIMITS.email)}@example.com`;
        await expect(
          store.createUser({ email: tooLongEmail, name: 'Ana', passwordHash: null }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        expect(await store.getUserByEmail({ email })).toBeNull();
      });

      it('refuses an update past a limit, changing nothing', async () => {
        const user = await store.createUser({ email: unique(), name: 'Ana', passwordHash: null });
        await expect(
          store.updateUser({ id: user.id, name: 'x'.repeat(FIELD_LIMITS.userName + 1) }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        await expect(
          store.updateUser({ id: user.id, statusText: 'x'.repeat(FIELD_LIMITS.statusText + 1) }),
        ).rejects.toBeInstanceOf(StoreValidationError);
        expect(await store.getUserById({ id: user.id })).toEqual(user);
        const max = 's'.repeat(FIELD_LIMITS.statusText);
        expect(await store.updateUser({ id: user.id, statusText: max })).toMatchObject({
          statusText: max,
        });
      });
    });
  });

  describe(`${adapter} store: users port, built-in people and the first admin`, () => {
    // getFirstUser looks at everyone, so each case starts from an empty store.
    let s: Store;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });
    const system = { id: 'u_assistant', email: 'assistant@parley.invalid', name: 'Assistant' };

    it('creates a built-in person once, with its fixed id and no password', async () => {
      const user = await s.ensureSystemUser(system);
      expect(user).toMatchObject({
        ...system,
        statusText: null,
        avatarKey: null,
        sessionVersion: 0,
      });
      expect(user.createdAt).toBeInstanceOf(Date);
      expect(await s.getPasswordHash({ userId: system.id })).toBeNull();
      expect(await s.getUserById({ id: system.id })).toStrictEqual(user);
      expect(await s.ensureSystemUser({ ...system, name: 'Renamed' })).toStrictEqual(user);
      const concurrent = await Promise.all([1, 2, 3].map(() => s.ensureSystemUser(system)));
      expect(concurrent).toStrictEqual([user, user, user]);
    });

    it('refuses a built-in person whose email someone else holds', async () => {
      await s.createUser({ email: 'taken@example.com', name: 'Someone', passwordHash: null });
      await expect(
        s.ensureSystemUser({ id: 'u_bot', email: 'taken@example.com', name: 'Bot' }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await s.getUserById({ id: 'u_bot' })).toBeNull();
    });

    it('finds the person who signed up first, skipping the ids given', async () => {
      expect(await s.getFirstUser({ excludeIds: [] })).toBeNull();
      await s.ensureSystemUser(system);
      const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
      await tick();
      const first = await s.createUser({
        email: 'first@example.com',
        name: 'F',
        passwordHash: null,
      });
      await tick();
      await s.createUser({ email: 'second@example.com', name: 'S', passwordHash: null });
      expect((await s.getFirstUser({ excludeIds: [] }))?.id).toBe(system.id);
      expect(await s.getFirstUser({ excludeIds: [system.id] })).toStrictEqual(first);
      expect(await s.getFirstUser({ excludeIds: [system.id, 'u_other'] })).toStrictEqual(first);
    });

    it('skips people at the excluded email domains (demo accounts)', async () => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
      await s.createUser({ email: 'ana@demo.parley.dev', name: 'Ana', passwordHash: null });
      await tick();
      // A look-alike domain is not excluded: only the exact domain after "@".
      const lookalike = await s.createUser({
        email: 'zoe@notdemo.parley.dev',
        name: 'Zoe',
        passwordHash: null,
      });
      const only = { excludeIds: [], excludeEmailDomains: ['demo.parley.dev'] };
      expect(await s.getFirstUser(only)).toStrictEqual(lookalike);
      expect((await s.getFirstUser({ excludeIds: [] }))?.email).toBe('ana@demo.parley.dev');
    });
  });
}
