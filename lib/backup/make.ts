import path from 'node:path';

import { openDataTransfer, sqliteDatabasePath } from '@/lib/db/open-transfer';
import { env } from '@/lib/env';
import pkg from '@/package.json';

import { createBackup } from './archive';
import { BackupError } from './errors';
import { exportNdjson } from './ndjson';

export const uploadsDir = () => path.join(env.PARLEY_DATA_DIR, 'uploads');

/** The configured store's backup: an archive for SQLite, or an NDJSON export (`ndjson`, MongoDB). */
export async function backupConfiguredStore(input: {
  outDir: string;
  format: 'archive' | 'ndjson';
  now?: Date;
}): Promise<{ file: string; summary: string }> {
  if (input.format === 'ndjson') {
    const transfer = await openDataTransfer();
    try {
      const { file, counts } = await exportNdjson({
        transfer,
        outDir: input.outDir,
        now: input.now,
      });
      const what = Object.entries(counts)
        .map(([c, n]) => `${n} ${c}`)
        .join(', ');
      return { file, summary: `${transfer.kind} → NDJSON: ${what}` };
    } finally {
      await transfer.close();
    }
  }
  if (env.MONGODB_URI) {
    throw new BackupError(
      'The archive format backs up the embedded SQLite store, but MONGODB_URI is set. Use `npm run backup -- --format ndjson`, or Atlas backups / mongodump (README, Backups).',
    );
  }
  const { file, manifest } = await createBackup({
    databasePath: sqliteDatabasePath(),
    uploadsDir: uploadsDir(),
    outDir: input.outDir,
    appVersion: pkg.version,
    now: input.now,
  });
  const uploads = manifest.files.length - 1;
  const messages = manifest.sqlite.rowCounts.messages ?? 0;
  return { file, summary: `SQLite + ${uploads} upload files (${messages} messages)` };
}
