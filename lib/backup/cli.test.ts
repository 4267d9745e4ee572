import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';

/** Runs `npm run backup|restore` the way a person does (node scripts/backup.mjs …). */
function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/backup.mjs', ...args], {
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', SQLITE_PATH: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-backup-cli-'));
  const store = createSqliteStore(path.join(dir, 'live', 'parley.db'));
  await store.createUser({ email: 'ana@x.test', name: 'Ana', passwordHash: null });
  await store.close();
  await mkdir(path.join(dir, 'live', 'uploads'), { recursive: true });
  await writeFile(path.join(dir, 'live', 'uploads', 'a.webp'), 'image');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  it('backs up a data directory and restores it into an empty one; refuses a damaged copy with exit 1', async () => {
    const backup = await run(['backup', '--out', path.join(dir, 'out')], {
      PARLEY_DATA_DIR: path.join(dir, 'live'),
    });
    expect(backup.out).toContain('backup written');
    expect(backup.code).toBe(0);
    const [archive] = (await readdir(path.join(dir, 'out'))).filter((f) => f.endsWith('.tar.gz'));
    const file = path.join(dir, 'out', archive!);

    const restored = await run(['restore', file], { PARLEY_DATA_DIR: path.join(dir, 'fresh') });
    expect(restored.out).toMatch(/restored parley-backup-.*upload files/);
    expect(restored.code).toBe(0);
    expect(await readFile(path.join(dir, 'fresh', 'uploads', 'a.webp'), 'utf8')).toBe('image');

    const bytes = await readFile(file);
    bytes[bytes.length - 40]! ^= 1;
    await writeFile(file, bytes);
    const refused = await run(['restore', file], { PARLEY_DATA_DIR: path.join(dir, 'other') });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/restore refused: .* does not match its checksum/);
  });

  it('exports NDJSON with --format ndjson and says what it holds', async () => {
    const res = await run(['backup', '--format', 'ndjson', '--out', path.join(dir, 'nd')], {
      PARLEY_DATA_DIR: path.join(dir, 'live'),
    });
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/sqlite → NDJSON: 1 users, 0 conversations/);
  });

  it('refuses, with exit 1, when there is no database to back up', async () => {
    const res = await run(['backup', '--out', path.join(dir, 'x')], {
      PARLEY_DATA_DIR: path.join(dir, 'nothing-here'),
    });
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/There is no database at/);
  });
});
