import Database from 'better-sqlite3';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extract } from 'tar';

import { countRows } from './archive';
import { BackupError } from './errors';
import { listFiles, sha256File } from './files';
import {
  backupManifestSchema,
  DATABASE_FILE,
  MANIFEST_FILE,
  UPLOADS_FOLDER,
  type BackupManifest,
} from './manifest';

export type RestoreBackupInput = {
  file: string;
  /** Where the database goes (the configured SQLITE_PATH or <data dir>/parley.db). */
  databasePath: string;
  uploadsDir: string;
  /** The newest migration this app knows: an archive from a newer Parley is refused. */
  schemaVersion: number;
  /** Replace an existing database and uploads (default: refuse to overwrite anything). */
  force?: boolean;
};

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function checkSidecar(file: string): Promise<void> {
  const sidecar = `${file}.sha256`;
  if (!(await exists(sidecar))) return;
  const expected = (await readFile(sidecar, 'utf8')).trim().split(/\s+/)[0];
  if (expected !== (await sha256File(file))) {
    throw new BackupError(
      `${path.basename(file)} does not match its checksum (${path.basename(sidecar)}): the archive is damaged or was changed. Nothing was restored.`,
    );
  }
}

async function readManifest(dir: string): Promise<BackupManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    throw new BackupError('The archive has no readable manifest.json: it is not a Parley backup.');
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new BackupError(`The archive's manifest is not a Parley backup manifest (${where}).`);
  }
  return parsed.data;
}

/** Every file present exactly once, nothing extra, each with its recorded size and SHA-256. */
async function checkFiles(dir: string, manifest: BackupManifest): Promise<void> {
  const present = (await listFiles(dir)).filter((f) => f !== MANIFEST_FILE);
  const listed = manifest.files.map((f) => f.path).sort();
  if (JSON.stringify(present) !== JSON.stringify(listed)) {
    throw new BackupError(
      'The archive does not hold exactly the files its manifest lists: it is damaged or was changed.',
    );
  }
  for (const entry of manifest.files) {
    if ((await sha256File(path.join(dir, entry.path))) !== entry.sha256) {
      throw new BackupError(
        `${entry.path} in the archive does not match its SHA-256 in the manifest.`,
      );
    }
  }
}

function checkDatabase(file: string, manifest: BackupManifest, schemaVersion: number): void {
  if (manifest.sqlite.schemaVersion > schemaVersion) {
    throw new BackupError(
      `The backup's database is at schema version ${manifest.sqlite.schemaVersion}, newer than this Parley (${schemaVersion}). Restore it with the Parley version that made it (${manifest.app.version}) or newer.`,
    );
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new BackupError(
        `The backup's database fails SQLite's integrity check: ${String(integrity)}`,
      );
    if (JSON.stringify(countRows(db)) !== JSON.stringify(manifest.sqlite.rowCounts)) {
      throw new BackupError("The backup's database does not hold the rows its manifest counts.");
    }
  } finally {
    db.close();
  }
}

/**
 * Restores an archive made by createBackup into a data directory. Everything is checked before
 * anything is written: the archive's checksum file (when present), that it extracts, its manifest,
 * every file's SHA-256, the database's integrity, schema version and row counts. It refuses to
 * overwrite an existing database or uploads unless `force` is set.
 */
export async function restoreBackup(input: RestoreBackupInput): Promise<BackupManifest> {
  if (!(await exists(input.file))) throw new BackupError(`${input.file}: no such file.`);
  await checkSidecar(input.file);
  const work = await mkdtemp(path.join(os.tmpdir(), 'parley-restore-'));
  try {
    try {
      await extract({ file: input.file, cwd: work, strict: true });
    } catch (error) {
      throw new BackupError(
        `${path.basename(input.file)} is not a readable backup archive (${error instanceof Error ? error.message : 'unknown error'}).`,
      );
    }
    const manifest = await readManifest(work);
    await checkFiles(work, manifest);
    checkDatabase(path.join(work, DATABASE_FILE), manifest, input.schemaVersion);

    const existingUploads = await listFiles(input.uploadsDir);
    if (!input.force && ((await exists(input.databasePath)) || existingUploads.length > 0)) {
      throw new BackupError(
        `${input.databasePath} or ${input.uploadsDir} already holds data. Restore into an empty data directory, or pass --force to replace it.`,
      );
    }
    await mkdir(path.dirname(input.databasePath), { recursive: true });
    // A stale WAL beside the replaced file would be replayed onto the restored one.
    for (const suffix of ['-wal', '-shm'])
      await rm(`${input.databasePath}${suffix}`, { force: true });
    await copyFile(path.join(work, DATABASE_FILE), input.databasePath);
    if (input.force) await rm(input.uploadsDir, { recursive: true, force: true });
    for (const entry of manifest.files) {
      if (!entry.path.startsWith(`${UPLOADS_FOLDER}/`)) continue;
      const target = path.join(input.uploadsDir, entry.path.slice(UPLOADS_FOLDER.length + 1));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(work, entry.path), target);
    }
    return manifest;
  } finally {
    // A failed extraction may still be flushing files: retry, and never let cleanup hide the
    // reason the restore was refused.
    await rm(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => {});
  }
}
