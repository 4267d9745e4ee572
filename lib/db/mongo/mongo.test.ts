import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';

import { storeContract } from '../contract';
import { connect, databaseName } from './connection';
import { createModels, type Models } from './models';
import { duplicateKeyField, literalPrefix } from './users';
import { createMongoStore } from './index';

// Compiled on a connection that never opens: schemas, casting and validation need no server.
const offline = mongoose.createConnection();
const { User, Account, ApiToken }: Models = createModels(offline);
afterAll(() => offline.close());

type IndexSpec = [Record<string, unknown>, Record<string, unknown>];
const indexes = (model: { schema: { indexes(): unknown[] } }) =>
  model.schema.indexes() as IndexSpec[];

const validUser = () => ({ email: 'ana@example.com', name: 'Ana', nameLower: 'ana' });

describe('mongo schemas', () => {
  it('declares the unique and search indexes', () => {
    expect(indexes(User)).toContainEqual([{ email: 1 }, expect.objectContaining({ unique: true })]);
    expect(indexes(User)).toContainEqual([{ nameLower: 1, _id: 1 }, expect.anything()]);
    expect(indexes(Account)).toContainEqual([
      { provider: 1, providerAccountId: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(indexes(Account)).toContainEqual([{ userId: 1 }, expect.anything()]);
    expect(indexes(ApiToken)).toContainEqual([
      { tokenHash: 1 },
      expect.objectContaining({ unique: true }),
    ]);
    expect(indexes(ApiToken)).toContainEqual([{ userId: 1, createdAt: -1 }, expect.anything()]);
  });

  it('accepts a valid user, with prefixed string ids, defaults and a normalised email', () => {
    const user = new User({ ...validUser(), email: '  Ana@Example.COM ', name: 'Ana López' });
    expect(user.validateSync()).toBeUndefined();
    expect(user._id).toMatch(/^u_[a-z0-9]{20}$/);
    expect(user.email).toBe('ana@example.com');
    expect(user).toMatchObject({
      statusText: null,
      avatarKey: null,
      passwordHash: null,
      emailVerified: false,
      sessionVersion: 0,
    });
    expect(user.createdAt).toBeInstanceOf(Date);
  });

  it('derives nameLower from the name, and keeps it in step when a document is saved', async () => {
    const user = new User({ email: 'b@example.com', name: 'ÁBC' });
    expect(user.validateSync()).toBeUndefined();
    expect(user.nameLower).toBe('ábc');
    user.name = 'Zoë';
    await user.validate(); // what save() runs first
    expect(user.nameLower).toBe('zoë');
  });

  it.each([
    ['a missing email', { email: undefined }, 'email'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['an email with spaces inside', { email: 'a b@example.com' }, 'email'],
    ['a missing name', { name: undefined }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
    ['a status over 140 characters', { statusText: 'x'.repeat(141) }, 'statusText'],
    ['a negative session version', { sessionVersion: -1 }, 'sessionVersion'],
  ])('rejects a user with %s', (_, patch, field) => {
    const error = new User({ ...validUser(), ...patch }).validateSync();
    expect(error?.errors[field]).toBeDefined();
  });

  it('accepts limits exactly', () => {
    const user = new User({ ...validUser(), name: 'x'.repeat(80), statusText: 'y'.repeat(140) });
    expect(user.validateSync()).toBeUndefined();
  });

  it('validates accounts and tokens', () => {
    expect(
      new Account({ provider: 'github', providerAccountId: '42', userId: 'u_1' }).validateSync(),
    ).toBeUndefined();
    expect(new Account({ provider: 'github' }).validateSync()?.errors).toHaveProperty(
      'providerAccountId',
    );

    const token = new ApiToken({ userId: 'u_1', name: 'ci', tokenHash: 'h' });
    expect(token.validateSync()).toBeUndefined();
    expect(token._id).toMatch(/^tok_[a-z0-9]{20}$/);
    expect(token.lastUsedAt).toBeNull();
    const bad = new ApiToken({ userId: 'u_1', name: 'x'.repeat(61) }).validateSync();
    expect(Object.keys(bad?.errors ?? {}).sort()).toEqual(['name', 'tokenHash']);
  });
});

describe('mongo helpers', () => {
  it('matches search text literally, as a prefix', () => {
    const re = literalPrefix('a.b*(c)[d]$^\\e%_');
    expect(re.test('a.b*(c)[d]$^\\e%_ and more')).toBe(true);
    expect(re.test('axb*(c)[d]$^\\e%_')).toBe(false);
    expect(re.test('x a.b*(c)[d]$^\\e%_')).toBe(false);
    expect(literalPrefix('').test('anything')).toBe(true);
  });

  it('recognises duplicate-key errors and the field they are about', () => {
    expect(duplicateKeyField({ code: 11000, keyPattern: { email: 1 } })).toBe('email');
    expect(duplicateKeyField({ code: 11000, keyValue: { tokenHash: 'h' } })).toBe('tokenHash');
    expect(
      duplicateKeyField({
        code: 11000,
        message: 'E11000 duplicate key error collection: parley.users index: email_1 dup key: …',
      }),
    ).toBe('email');
    expect(duplicateKeyField({ code: 11000 })).toBe('');
    expect(duplicateKeyField(new Error('other'))).toBeNull();
    expect(duplicateKeyField({ code: 121 })).toBeNull();
  });
});

describe('databaseName', () => {
  it('prefers an explicit name', () => {
    expect(databaseName({ explicit: 'custom', vercelEnv: 'preview', branch: 'x' })).toBe('custom');
  });

  it('gives each preview branch its own database', () => {
    expect(databaseName({ vercelEnv: 'preview', branch: 'feature/Add-Login' })).toBe(
      'parley-preview-feature-add-login',
    );
    expect(databaseName({ vercelEnv: 'preview', branch: '--Fix__the  bug!!--' })).toBe(
      'parley-preview-fix-the-bug',
    );
  });

  it('never falls back to production data on a preview without a branch', () => {
    expect(databaseName({ vercelEnv: 'preview' })).toBe('parley-preview');
    expect(databaseName({ vercelEnv: 'preview', branch: '///' })).toBe('parley-preview');
  });

  it('is parley in production, development and locally', () => {
    expect(databaseName({ vercelEnv: 'production', branch: 'main' })).toBe('parley');
    expect(databaseName({ vercelEnv: 'development', branch: 'main' })).toBe('parley');
    expect(databaseName({})).toBe('parley');
  });

  it('truncates long branch names to 63 characters, without a trailing dash', () => {
    const long = databaseName({ vercelEnv: 'preview', branch: `feature/${'a'.repeat(100)}` });
    expect(long).toHaveLength(63);
    expect(long).toMatch(/^parley-preview-feature-a+$/);
    // The cut falls right after a dash here: it is trimmed rather than kept.
    const cut = databaseName({ vercelEnv: 'preview', branch: `${'b'.repeat(47)}/rest` });
    expect(cut).toBe(`parley-preview-${'b'.repeat(47)}`);
  });
});

// Against a real server only when one is configured; otherwise nothing is registered (or skipped).
// Each run gets a fresh database, dropped when the suite closes the store.
const uri = process.env.MONGODB_URI;
if (uri) {
  storeContract('mongo', async () => {
    const dbName = `parley-test-${Math.random().toString(36).slice(2, 10)}`;
    const store = await createMongoStore({ uri, dbName });
    return {
      ...store,
      async close() {
        await (await connect({ uri, dbName })).dropDatabase();
        await store.close();
      },
    };
  });
}
