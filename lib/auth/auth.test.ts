import { describe, expect, it } from 'vitest';

import { generateApiToken, hashApiToken, looksLikeApiToken } from './server/api-token';
import { hashPassword, verifyPassword } from './server/password';
import { signInSchema, signUpSchema, updateMeSchema } from './schemas';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('answers false, not an error, for a missing or corrupt hash', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});

describe('API tokens', () => {
  it('are prefixed, random and recognisable', () => {
    const a = generateApiToken();
    expect(looksLikeApiToken(a)).toBe(true);
    expect(a).not.toBe(generateApiToken());
    expect(looksLikeApiToken('plk_short')).toBe(false);
  });

  it('hash deterministically to hex SHA-256', async () => {
    const token = generateApiToken();
    expect(await hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashApiToken(token)).toBe(await hashApiToken(token));
  });
});

describe('account schemas', () => {
  it('trims and lower-cases emails', () => {
    expect(
      signUpSchema.parse({ email: '  Ana@Example.COM ', password: 'longenough', name: ' Ana ' }),
    ).toEqual({
      email: 'ana@example.com',
      password: 'longenough',
      name: 'Ana',
    });
  });

  it.each([
    [{ email: 'not-an-email', password: 'longenough', name: 'A' }, 'email'],
    [{ email: 'a@b.co', password: 'short', name: 'A' }, 'password'],
    [{ email: 'a@b.co', password: 'x'.repeat(129), name: 'A' }, 'password'],
    [{ email: 'a@b.co', password: 'longenough', name: '   ' }, 'name'],
    [{ email: 'a@b.co', password: 'longenough', name: 'x'.repeat(81) }, 'name'],
  ])('rejects %j on %s', (input, field) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('sign-in does not reveal password rules', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
  });

  it('profile updates need at least one known field', () => {
    expect(updateMeSchema.safeParse({}).success).toBe(false);
    expect(updateMeSchema.safeParse({ role: 'admin' }).success).toBe(false);
    expect(updateMeSchema.parse({ statusText: null })).toEqual({ statusText: null });
  });
});
