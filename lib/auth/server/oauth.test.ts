import { describe, expect, it } from 'vitest';

import { ASSISTANT_EMAIL, ASSISTANT_ID } from '@/lib/assistant/identity';
import { createSqliteStore } from '@/lib/db/sqlite';

import { resolveOAuthUser } from './oauth';

const identity = (over: Partial<Parameters<typeof resolveOAuthUser>[1]> = {}) => ({
  provider: 'github',
  providerAccountId: '1001',
  email: 'Dana@Example.com',
  name: 'Dana',
  emailVerified: true,
  ...over,
});

describe('resolveOAuthUser', () => {
  it('creates a user on first sign-in and finds the same one next time', async () => {
    const store = createSqliteStore(':memory:');
    const first = await resolveOAuthUser(store, identity());
    expect(first).toMatchObject({
      ok: true,
      user: { email: 'dana@example.com', name: 'Dana', emailVerified: true },
    });
    const again = await resolveOAuthUser(store, identity({ email: 'changed@example.com' }));
    expect(again.ok && first.ok && again.user.id === first.user.id).toBe(true);
  });

  it("cleans a provider's name the same way, and never takes the assistant's", async () => {
    const store = createSqliteStore(':memory:');
    const cleaned = await resolveOAuthUser(
      store,
      identity({ providerAccountId: '2001', email: 'eve@example.com', name: 'Eve\u202E\r\nAdams' }),
    );
    expect(cleaned.ok && cleaned.user.name).toBe('Eve Adams');
    const impostor = await resolveOAuthUser(
      store,
      identity({ providerAccountId: '2002', email: 'mallory@example.com', name: 'parley  AI' }),
    );
    // The name is refused, so the email's local part stands in.
    expect(impostor.ok && impostor.user.name).toBe('mallory');
  });

  it('links to an existing password account with the same verified email', async () => {
    const store = createSqliteStore(':memory:');
    const existing = await store.createUser({
      email: 'dana@example.com',
      name: 'Dana P',
      passwordHash: 'h',
    });
    const result = await resolveOAuthUser(
      store,
      identity({ provider: 'google', providerAccountId: 'g-1' }),
    );
    expect(result).toMatchObject({ ok: true, user: { id: existing.id, emailVerified: true } });
    expect(
      (await store.getUserByAccount({ provider: 'google', providerAccountId: 'g-1' }))?.id,
    ).toBe(existing.id);
  });

  it('never links a provider account to the built-in assistant, even with a "verified" email', async () => {
    const store = createSqliteStore(':memory:');
    await store.ensureSystemUser({ id: ASSISTANT_ID, email: ASSISTANT_EMAIL, name: 'Parley AI' });
    const result = await resolveOAuthUser(store, identity({ email: ASSISTANT_EMAIL }));
    expect(result.ok).toBe(false);
    expect(
      await store.getUserByAccount({ provider: 'github', providerAccountId: '1001' }),
    ).toBeNull();
  });

  it('refuses to link when the provider did not verify the email', async () => {
    const store = createSqliteStore(':memory:');
    await store.createUser({ email: 'dana@example.com', name: 'Dana P', passwordHash: 'h' });
    expect(await resolveOAuthUser(store, identity({ emailVerified: false }))).toEqual({
      ok: false,
      reason: 'unverified_email_taken',
    });
  });

  it('refuses an identity without a usable email', async () => {
    const store = createSqliteStore(':memory:');
    expect(await resolveOAuthUser(store, identity({ email: null }))).toEqual({
      ok: false,
      reason: 'no_email',
    });
  });

  it('names a person after their email when the provider has no name', async () => {
    const store = createSqliteStore(':memory:');
    expect(await resolveOAuthUser(store, identity({ name: '  ' }))).toMatchObject({
      ok: true,
      user: { name: 'dana' },
    });
  });
});
