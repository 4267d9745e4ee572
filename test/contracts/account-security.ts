import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';

import { type OpenStore, uniqueEmail } from './fixtures';

/**
 * The account-security port (lib/db/ports/account-security.ts): two-factor state, signed-in
 * sessions and the "find me by email" setting.
 */
export function accountSecurityContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: account-security port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    const person = (label: string) =>
      store.createUser({
        email: `${label.toLowerCase()}-${uniqueEmail()}`,
        name: label,
        passwordHash: null,
      });

    describe('two-factor', () => {
      it('enrols, confirms with recovery codes, and turns off', async () => {
        const u = await person('Tfa');
        expect(await store.getTwoFactor({ userId: u.id })).toBeNull();
        expect(await store.startTwoFactor({ userId: u.id, secretBox: 'box-1' })).toBe(true);
        // A second start replaces the pending secret.
        expect(await store.startTwoFactor({ userId: u.id, secretBox: 'box-2' })).toBe(true);
        expect(await store.getTwoFactor({ userId: u.id })).toEqual({
          userId: u.id,
          secretBox: 'box-2',
          enabledAt: null,
          lastStep: null,
          recoveryCodesLeft: 0,
        });
        // A pending enrolment accepts no codes yet.
        expect(await store.useTwoFactorStep({ userId: u.id, step: 5 })).toBe(false);
        expect(
          await store.enableTwoFactor({ userId: u.id, recoveryCodeHashes: ['h1', 'h2'], step: 10 }),
        ).toBe(true);
        const on = await store.getTwoFactor({ userId: u.id });
        expect(on).toMatchObject({ secretBox: 'box-2', lastStep: 10, recoveryCodesLeft: 2 });
        expect(on?.enabledAt).toBeInstanceOf(Date);
        // Enabled: neither a new start nor a second enable changes it.
        expect(await store.startTwoFactor({ userId: u.id, secretBox: 'box-3' })).toBe(false);
        expect(
          await store.enableTwoFactor({ userId: u.id, recoveryCodeHashes: [], step: 11 }),
        ).toBe(false);
        expect((await store.getTwoFactor({ userId: u.id }))?.secretBox).toBe('box-2');
        await store.disableTwoFactor({ userId: u.id });
        expect(await store.getTwoFactor({ userId: u.id })).toBeNull();
        expect(await store.useRecoveryCode({ userId: u.id, codeHash: 'h1' })).toBe(false);
      });

      it('accepts each time step once, and only later ones', async () => {
        const u = await person('Steps');
        await store.startTwoFactor({ userId: u.id, secretBox: 'box' });
        await store.enableTwoFactor({ userId: u.id, recoveryCodeHashes: [], step: 100 });
        expect(await store.useTwoFactorStep({ userId: u.id, step: 100 })).toBe(false);
        expect(await store.useTwoFactorStep({ userId: u.id, step: 99 })).toBe(false);
        const both = await Promise.all([
          store.useTwoFactorStep({ userId: u.id, step: 101 }),
          store.useTwoFactorStep({ userId: u.id, step: 101 }),
        ]);
        expect(both.filter(Boolean)).toHaveLength(1);
      });

      it('spends a recovery code exactly once, even in parallel', async () => {
        const u = await person('Codes');
        await store.startTwoFactor({ userId: u.id, secretBox: 'box' });
        await store.enableTwoFactor({ userId: u.id, recoveryCodeHashes: ['a', 'b'], step: 1 });
        const spent = await Promise.all(
          Array.from({ length: 5 }, () => store.useRecoveryCode({ userId: u.id, codeHash: 'a' })),
        );
        expect(spent.filter(Boolean)).toHaveLength(1);
        expect((await store.getTwoFactor({ userId: u.id }))?.recoveryCodesLeft).toBe(1);
        const other = await person('Other');
        expect(await store.useRecoveryCode({ userId: other.id, codeHash: 'b' })).toBe(false);
      });
    });

    describe('sessions', () => {
      it('creates, lists most recently seen first, touches and deletes only the owner’s', async () => {
        const u = await person('Sess');
        const other = await person('Else');
        const a = await store.createSession({ userId: u.id, userAgent: 'Browser A' });
        const b = await store.createSession({ userId: u.id, userAgent: null });
        expect(a).toMatchObject({ userId: u.id, userAgent: 'Browser A' });
        expect(a.id).toMatch(/^ses_[a-z0-9]{20}$/);
        expect(await store.getSession({ id: a.id })).toEqual(a);
        await store.touchSession({ id: a.id, at: new Date(Date.now() + 60_000) });
        // An older time never moves last-seen back.
        await store.touchSession({ id: a.id, at: new Date(0) });
        const listed = await store.listSessions({ userId: u.id });
        expect(listed.map((s) => s.id)).toEqual([a.id, b.id]);
        expect(listed[0]!.lastSeenAt.getTime()).toBeGreaterThan(a.lastSeenAt.getTime());
        expect(await store.deleteSession({ userId: other.id, id: a.id })).toBe(false);
        expect(await store.deleteSession({ userId: u.id, id: a.id })).toBe(true);
        expect(await store.getSession({ id: a.id })).toBeNull();
        await store.createSession({ userId: other.id, userAgent: null });
        await store.deleteSessions({ userId: u.id });
        expect(await store.listSessions({ userId: u.id })).toEqual([]);
        expect(await store.listSessions({ userId: other.id })).toHaveLength(1);
      });
    });

    describe('discovery', () => {
      it('keeps "find me by email" off until the person turns it on', async () => {
        const u = await person('Private');
        expect(await store.getFindableByEmail({ userId: u.id })).toBe(false);
        await store.setFindableByEmail({ userId: u.id, findable: true });
        expect(await store.getFindableByEmail({ userId: u.id })).toBe(true);
        await store.setFindableByEmail({ userId: u.id, findable: false });
        expect(await store.getFindableByEmail({ userId: u.id })).toBe(false);
      });

      it('says whether two people share a conversation', async () => {
        const a = await person('ShareA');
        const b = await person('ShareB');
        const c = await person('ShareC');
        await store.createGroup({ name: 'Pair', ownerId: a.id, memberIds: [b.id] });
        expect(await store.shareConversation({ userIds: [a.id, b.id] })).toBe(true);
        expect(await store.shareConversation({ userIds: [b.id, a.id] })).toBe(true);
        expect(await store.shareConversation({ userIds: [a.id, c.id] })).toBe(false);
        expect(await store.shareConversation({ userIds: [a.id, a.id] })).toBe(false);
      });
    });
  });
}
