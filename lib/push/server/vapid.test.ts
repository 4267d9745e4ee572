import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { env } from '@/lib/env';

import { getVapidDetails, readOrCreateVapidKeys, resolveVapidDetails, VAPID_FILE } from './vapid';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'parley-vapid-'));
const decodedLength = (key: string) => Buffer.from(key, 'base64url').length;

describe('VAPID keys', () => {
  it('uses the configured keys and subject when both keys are set', async () => {
    const dir = freshDir();
    const details = await resolveVapidDetails({
      publicKey: 'configured-public',
      privateKey: 'configured-private',
      subject: 'mailto:ops@example.com',
      dataDir: dir,
    });
    expect(details).toEqual({
      subject: 'mailto:ops@example.com',
      publicKey: 'configured-public',
      privateKey: 'configured-private',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('generates a P-256 key pair into vapid.json, readable only by its owner', async () => {
    const dir = freshDir();
    const details = await resolveVapidDetails({ subject: 'mailto:a@example.com', dataDir: dir });
    expect(decodedLength(details.publicKey)).toBe(65);
    expect(decodedLength(details.privateKey)).toBe(32);
    const file = path.join(dir, VAPID_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      publicKey: details.publicKey,
      privateKey: details.privateKey,
    });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads the same keys back on the next start', async () => {
    const dir = freshDir();
    const first = await resolveVapidDetails({ subject: 'mailto:a@example.com', dataDir: dir });
    const second = await resolveVapidDetails({ subject: 'mailto:a@example.com', dataDir: dir });
    expect(second).toEqual(first);
  });

  it('gives every racing caller the one key pair that won, and leaves no temporary files', async () => {
    const file = path.join(freshDir(), 'nested', VAPID_FILE);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => readOrCreateVapidKeys({ file })),
    );
    const onDisk: unknown = JSON.parse(readFileSync(file, 'utf8'));
    for (const keys of results) expect(keys).toEqual(onDisk);
    expect(readdirSync(path.dirname(file))).toEqual([VAPID_FILE]);
  });

  it('refuses a corrupt key file instead of replacing it', async () => {
    const file = path.join(freshDir(), VAPID_FILE);
    writeFileSync(file, '{"publicKey": "short", "privateKey": "x"}');
    await expect(readOrCreateVapidKeys({ file })).rejects.toThrow(/not a valid VAPID key file/);
    expect(readFileSync(file, 'utf8')).toContain('short');
  });

  it('caches the details for the process (generated into PARLEY_DATA_DIR in tests)', async () => {
    const [a, b] = await Promise.all([getVapidDetails(), getVapidDetails()]);
    expect(b).toBe(a);
    expect(a.subject).toBe(env.VAPID_SUBJECT);
    expect(readFileSync(path.join(env.PARLEY_DATA_DIR, VAPID_FILE), 'utf8')).toContain(a.publicKey);
  });
});
