import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';

import { BackupError } from './errors';
import { describeFile, listFiles, sha256File } from './files';
import {
  archiveName,
  DATABASE_FILE,
  MANIFEST_FILE,
  UPLOADS_FOLDER,
  type BackupManifest,
} from './manifest';

export type CreateBackupInput = {
  /** The live SQLite file; it keeps serving reads and writes while the backup runs. */
  databasePath: string;
  /** The local uploads folder (<data dir>/uploads); a missing folder backs up no uploads. */
  uploadsDir: string;
  /** Where the archive goes (created if needed). */
  outDir: string;
  appVersion: string;
  now?: Date;
};

export type CreatedBackup = { file: string; checksumFile: string; manifest: BackupManifest };

/** Rows per table of a database, tables in name order (SQLite's own tables left out). */
export function countRows(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = db
      .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  return counts;
}

/**
 * An online, consistent backup: the database through SQLite's backup API (a snapshot of one
 * committed state, taken while the app keeps writing; never a copy of a file being written), then
 * the uploads. Uploads are copied after the snapshot on purpose: an upload's file is written
 * before its row, so every file the snapshot refers to already exists when the folder is copied.
 *
 * The archive (tar.gz) holds manifest.json (versions, row counts counted on the snapshot, every
 * file with its SHA-256), parley.db and uploads/; `<archive>.sha256` beside it checksums the whole.
 * The archive is written under a temporary name and renamed, so a crash never leaves a half one.
 */
export async function createBackup(input: CreateBackupInput): Promise<CreatedBackup> {
  const now = input.now ?? new Date();
  if (!existsSync(input.databasePath)) {
    throw new BackupError(
      `There is no database at ${input.databasePath}: nothing to back up. Is PARLEY_DATA_DIR (or SQLITE_PATH) the app's?`,
    );
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'parley-backup-'));
  try {
    const snapshot = path.join(work, DATABASE_FILE);
    const source = new Database(input.databasePath, { readonly: true, fileMustExist: true });
    try {
      // Copy every remaining page per step: each step is one read transaction, so the copy is
      // one committed state; WAL lets writers go on meanwhile.
      await source.backup(snapshot, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const copy = new Database(snapshot, { readonly: true });
    let sqlite: BackupManifest['sqlite'];
    try {
      sqlite = {
        libraryVersion: copy.prepare('SELECT sqlite_version()').pluck().get() as string,
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
        rowCounts: countRows(copy),
      };
    } finally {
      copy.close();
    }

    const uploads = await listFiles(input.uploadsDir);
    for (const rel of uploads) {
      const target = path.join(work, UPLOADS_FOLDER, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(input.uploadsDir, rel), target);
    }
    const paths = [DATABASE_FILE, ...uploads.map((rel) => `${UPLOADS_FOLDER}/${rel}`)];
    const manifest: BackupManifest = {
      format: 'parley-backup',
      formatVersion: 1,
      createdAt: now.toISOString(),
      app: { name: 'parley', version: input.appVersion },
      sqlite,
      files: await Promise.all(paths.map((rel) => describeFile(work, rel))),
    };
    await writeFile(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    await mkdir(input.outDir, { recursive: true });
    const name = archiveName(now);
    const file = path.join(input.outDir, name);
    const partial = `${file}.partial`;
    await create({ gzip: true, file: partial, cwd: work, portable: true }, [
      MANIFEST_FILE,
      ...paths,
    ]);
    const checksumFile = `${file}.sha256`;
    // sha256sum's format, so `sha256sum -c` checks it too.
    await writeFile(checksumFile, `${await sha256File(partial)}  ${name}\n`);
    await rename(partial, file);
    return { file, checksumFile, manifest };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
