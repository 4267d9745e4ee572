import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { migrations } from './migrations';

export type Db = Database.Database;

/** A UNIQUE constraint refused the write (adapters map it to StoreConflictError or a retry). */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Opens a database (a file path or ':memory:') with WAL and foreign keys, and migrates it. The
 * file holds every message and password hash, so it is made readable by its owner only (0600)
 * before WAL starts: SQLite gives the -wal and -shm files the database file's permissions.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  if (file !== ':memory:') makePrivate(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // 32 MB of page cache instead of SQLite's 2 MB: a page of history in a long conversation reads
  // index and table pages spread over the file, and a miss is a read() from the kernel.
  db.pragma('cache_size = -32000');
  migrate(db);
  return db;
}

/** 0600 for the database and, for one made before this rule, its existing -wal and -shm. */
function makePrivate(file: string): void {
  for (const part of [file, `${file}-wal`, `${file}-shm`])
    // The path is the configured data file, not a project file: the ignore comment keeps
    // Next.js's file tracing from copying the whole project into the standalone output.
    if (existsSync(/*turbopackIgnore: true*/ part))
      chmodSync(/*turbopackIgnore: true*/ part, 0o600);
}

export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    const sql = migrations[version];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length;
}
