import Database from 'better-sqlite3';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { migrations } from '@/lib/db/sqlite/migrations';
import { createSqliteStore } from '@/lib/db/sqlite';

import { createBackup } from './archive';
import { BackupError } from './errors';
import { restoreBackup } from './restore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-backup-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
function tables(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
}
function rows(db: Database.Database, table: string): Row[] {
  return db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Row[];
}
const key = (row: Row) => JSON.stringify(row);

/** A live data directory: a store with people, a group, history, and two uploaded files. */
async function liveApp() {
  const dataDir = path.join(dir, 'live');
  const databasePath = path.join(dataDir, 'parley.db');
  const uploadsDir = path.join(dataDir, 'uploads');
  const store = createSqliteStore(databasePath);
  const ana = await store.createUser({ email: 'ana@x.test', name: 'Ana', passwordHash: 'h1' });
  const ben = await store.createUser({ email: 'ben@x.test', name: 'Ben', passwordHash: null });
  const group = await store.createGroup({ name: 'Ops', ownerId: ana.id, memberIds: [ben.id] });
  for (let i = 0; i < 300; i++) {
    await store.createMessage({ conversationId: group.id, authorId: ana.id, body: `m${i}` });
  }
  await mkdir(path.join(uploadsDir, 'avatars', ana.id), { recursive: true });
  await writeFile(path.join(uploadsDir, 'avatars', ana.id, 'a.webp'), 'avatar bytes');
  await writeFile(path.join(uploadsDir, 'img.webp'), Buffer.alloc(50_000, 7));
  return { store, databasePath, uploadsDir, group, ana, ben };
}

describe('createBackup + restoreBackup', () => {
  it('backs up a store being written in a loop and restores one consistent state, row for row', async () => {
    const app = await liveApp();
    let writing = true;
    let written = 0;
    // The write load: sends in a loop, yielding to the event loop between them, as requests do.
    const load = (async () => {
      while (writing) {
        await app.store.createMessage({
          conversationId: app.group.id,
          authorId: app.ben.id,
          body: `during ${written++}`,
        });
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Backups are made while the loop runs; the loop must have written during the backup.
    const before = written;
    const backup = await createBackup({
      databasePath: app.databasePath,
      uploadsDir: app.uploadsDir,
      outDir: path.join(dir, 'backups'),
      appVersion: '0.1.0',
    });
    const duringBackup = written - before;
    writing = false;
    await load;
    expect(duringBackup).toBeGreaterThan(0);

    const target = path.join(dir, 'fresh');
    const manifest = await restoreBackup({
      file: backup.file,
      databasePath: path.join(target, 'parley.db'),
      uploadsDir: path.join(target, 'uploads'),
      schemaVersion: migrations.length,
    });
    expect(manifest.files.map((f) => f.path)).toEqual([
      'parley.db',
      `uploads/avatars/${app.ana.id}/a.webp`,
      'uploads/img.webp',
    ]);

    const restored = new Database(path.join(target, 'parley.db'), { readonly: true });
    const live = app.store.db;
    // One committed state: the conversation's last_seq is exactly the messages it holds, 1..n.
    const seqs = restored
      .prepare('SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq')
      .pluck()
      .all(app.group.id) as number[];
    const lastSeq = restored
      .prepare('SELECT last_seq FROM conversations WHERE id = ?')
      .pluck()
      .get(app.group.id);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(lastSeq).toBe(seqs.length);
    expect(seqs.length).toBeGreaterThan(301);
    expect(manifest.sqlite.rowCounts.messages).toBe(seqs.length);
    // Every row of every table is a row the live store holds, unchanged; only the loop's later
    // sends (and the conversation's counters they moved) are missing from the copy.
    expect(tables(restored).sort()).toEqual(tables(live).sort());
    // The search indexes (FTS5 tables and their shadow tables) are derived from messages and
    // reorganise their pages as they grow: checked against the restored messages instead.
    const rowids = (sql: string) => restored.prepare(sql).pluck().all();
    expect(rowids('SELECT rowid FROM message_search ORDER BY rowid')).toEqual(
      rowids(
        "SELECT rowid FROM messages WHERE kind = 'user' AND deleted_at IS NULL ORDER BY rowid",
      ),
    );
    for (const table of tables(live).filter((t) => !t.startsWith('message_search'))) {
      const liveRows = new Set(rows(live, table).map(key));
      for (const row of rows(restored, table)) {
        if (table === 'conversations' && row.id === app.group.id) continue;
        if (table === 'memberships' && row.conversation_id === app.group.id) continue;
        expect(liveRows.has(key(row)), `${table} ${key(row)}`).toBe(true);
      }
      if (table !== 'messages') expect(rows(restored, table).length).toBe(liveRows.size);
    }
    restored.close();
    expect(await readFile(path.join(target, 'uploads', 'img.webp'))).toEqual(
      Buffer.alloc(50_000, 7),
    );
    await app.store.close();
  });

  async function backupOfSmallApp() {
    const app = await liveApp();
    const backup = await createBackup({
      databasePath: app.databasePath,
      uploadsDir: app.uploadsDir,
      outDir: path.join(dir, 'backups'),
      appVersion: '0.1.0',
    });
    await app.store.close();
    const target = path.join(dir, 'fresh');
    const restore = (file = backup.file, extra: { schemaVersion?: number; force?: boolean } = {}) =>
      restoreBackup({
        file,
        databasePath: path.join(target, 'parley.db'),
        uploadsDir: path.join(target, 'uploads'),
        schemaVersion: migrations.length,
        ...extra,
      });
    return { backup, restore, target };
  }

  it('refuses an archive that no longer matches its checksum file, and writes nothing', async () => {
    const { backup, restore, target } = await backupOfSmallApp();
    const bytes = await readFile(backup.file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(backup.file, bytes);
    await expect(restore()).rejects.toThrow(/does not match its checksum/);
    await expect(readFile(path.join(target, 'parley.db'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a damaged archive without a checksum file (gzip/tar fail)', async () => {
    const { backup, restore } = await backupOfSmallApp();
    await rm(backup.checksumFile);
    const bytes = await readFile(backup.file);
    await writeFile(backup.file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    await expect(restore()).rejects.toBeInstanceOf(BackupError);
  });

  it('refuses a file that is not a backup at all', async () => {
    const { restore } = await backupOfSmallApp();
    const bogus = path.join(dir, 'notes.tar.gz');
    await writeFile(bogus, 'just some text');
    await expect(restore(bogus)).rejects.toThrow(/not a readable backup archive/);
  });

  it('refuses a backup from a newer schema than this app knows', async () => {
    const { restore } = await backupOfSmallApp();
    await expect(restore(undefined, { schemaVersion: 1 })).rejects.toThrow(
      /newer than this Parley/,
    );
  });

  it('refuses to overwrite existing data unless forced', async () => {
    const { restore } = await backupOfSmallApp();
    await restore();
    await expect(restore()).rejects.toThrow(/already holds data/);
    await expect(restore(undefined, { force: true })).resolves.toMatchObject({
      format: 'parley-backup',
    });
  });
});
