import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { EnvError, parseServerEnv } from './env';
import { developmentSecretReason } from './env-deployment';

const random = () => randomBytes(32).toString('base64url');
const strong = {
  NEXTAUTH_SECRET: random(),
  PARTY_SECRET: random(),
  ROOM_TOKEN_KEY: random(),
  JOBS_SECRET: random(),
};
const parse = (source: Record<string, string>, generated: string[] = []) =>
  parseServerEnv(source, { enforceSecrets: true, generatedSecrets: new Set(generated) });

describe('production deployments refuse development secrets and local URLs', () => {
  const deployed = { ...strong, NODE_ENV: 'production', NEXTAUTH_URL: 'https://chat.acme.com' };

  it('accepts real secrets and a public URL, on Vercel and self-hosted', () => {
    expect(parse({ ...deployed, VERCEL_ENV: 'production' }).VERCEL_ENV).toBe('production');
    expect(parse({ ...deployed, PARLEY_ENV: 'production' }).PARLEY_ENV).toBe('production');
  });

  it.each([
    ['http://localhost:3000'],
    ['http://127.0.0.1:3000'],
    ['http://[::1]:3000'],
    ['http://0.0.0.0'],
    ['http://parley.localhost'],
  ])('refuses NEXTAUTH_URL=%s', (url) => {
    expect(() => parse({ ...deployed, PARLEY_ENV: 'production', NEXTAUTH_URL: url })).toThrow(
      /NEXTAUTH_URL is .* a local address/,
    );
  });

  it('refuses a production deployment with no NEXTAUTH_URL', () => {
    const { NEXTAUTH_URL: _omit, ...rest } = deployed;
    expect(() => parse({ ...rest, VERCEL_ENV: 'production' })).toThrow(/NEXTAUTH_URL is not set/);
  });

  it.each([
    ['a placeholder', 'change-me-change-me-change-me-change-me', /placeholder/],
    ['a hand-typed word', 'my-super-secret-value-for-parley-123456', /placeholder/],
    ['repeated characters', 'n'.repeat(40), /not random/],
  ])('refuses %s, naming the variable', (_what, value, reason) => {
    expect(() => parse({ ...deployed, PARLEY_ENV: 'production', PARTY_SECRET: value })).toThrow(
      EnvError,
    );
    expect(() => parse({ ...deployed, PARLEY_ENV: 'production', PARTY_SECRET: value })).toThrow(
      reason,
    );
  });

  it('refuses a secret npm run dev generated into .data/secrets.json', () => {
    expect(() => parse({ ...deployed, VERCEL_ENV: 'production' }, [strong.ROOM_TOKEN_KEY])).toThrow(
      /ROOM_TOKEN_KEY is a development secret \(it is the development secret `npm run dev` generated/,
    );
  });

  it('leaves a local production build alone (npm start, the e2e server): NODE_ENV alone is not a deployment', () => {
    const local = {
      ...strong,
      NODE_ENV: 'production',
      NEXTAUTH_URL: 'http://localhost:3100',
      PARTY_SECRET: 'p'.repeat(32),
    };
    expect(parse(local, [strong.NEXTAUTH_SECRET]).NEXTAUTH_URL).toBe('http://localhost:3100');
    expect(parse({ ...local, VERCEL_ENV: 'preview' }).VERCEL_ENV).toBe('preview');
    expect(parse({ ...local, PARLEY_ENV: 'staging' }).PARLEY_ENV).toBe('staging');
  });

  it('does not mistake random secrets for placeholders', () => {
    for (let i = 0; i < 2000; i++) expect(developmentSecretReason(random(), new Set())).toBeNull();
  });
});

describe('backup settings', () => {
  const base = { ...strong };
  it('switches the daily job on with BACKUP_DIR, keeping 7 unless told', () => {
    const env = parseServerEnv(
      { ...base, BACKUP_DIR: '/var/backups/parley', BACKUP_KEEP: '14' },
      { enforceSecrets: false },
    );
    expect(env.BACKUP_DIR).toBe('/var/backups/parley');
    expect(env.BACKUP_KEEP).toBe(14);
  });
  it('refuses BACKUP_KEEP without BACKUP_DIR, a bad count, and BACKUP_DIR on Vercel', () => {
    const p = (extra: Record<string, string>) => () =>
      parseServerEnv({ ...base, ...extra }, { enforceSecrets: false });
    expect(p({ BACKUP_KEEP: '3' })).toThrow(/BACKUP_KEEP is set but BACKUP_DIR is not/);
    expect(p({ BACKUP_DIR: '/b', BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
    expect(p({ BACKUP_DIR: '/b', VERCEL_ENV: 'preview' })).toThrow(/Vercel/);
  });
});

describe('refuseGeneratedSecrets (server start)', () => {
  it('reads <data dir>/secrets.json and refuses its values on a production deployment only', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { refuseGeneratedSecrets } = await import('./env-generated');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-env-'));
    writeFileSync(
      path.join(dataDir, 'secrets.json'),
      JSON.stringify({ PARTY_SECRET: strong.PARTY_SECRET }),
    );
    const source = { ...strong, NEXTAUTH_URL: 'https://chat.acme.com', PARLEY_DATA_DIR: dataDir };
    expect(() => refuseGeneratedSecrets({ ...source, PARLEY_ENV: 'production' })).toThrow(
      /PARTY_SECRET is a development secret/,
    );
    expect(() => refuseGeneratedSecrets(source)).not.toThrow();
    expect(() =>
      refuseGeneratedSecrets({
        ...source,
        PARLEY_ENV: 'production',
        PARLEY_DATA_DIR: path.join(dataDir, 'none'),
      }),
    ).not.toThrow();
  });
});
