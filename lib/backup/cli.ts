import path from 'node:path';

import { openDataTransfer, sqliteDatabasePath } from '@/lib/db/open-transfer';
import { migrations } from '@/lib/db/sqlite/migrations';
import { env } from '@/lib/env';

import { BackupError } from './errors';
import { backupConfiguredStore, uploadsDir } from './make';
import { importNdjson } from './ndjson';
import { restoreBackup } from './restore';

const USAGE = `Usage:
  npm run backup [-- --format archive|ndjson] [-- --out <dir>]
  npm run restore -- <file.tar.gz | file.ndjson> [--force]`;

type Out = { log: (line: string) => void; error: (line: string) => void };

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function backup(args: string[], out: Out): Promise<void> {
  const format = option(args, '--format') ?? 'archive';
  if (format !== 'archive' && format !== 'ndjson')
    throw new BackupError(`Unknown --format ${format}.\n${USAGE}`);
  const outDir = path.resolve(option(args, '--out') ?? env.BACKUP_DIR ?? 'backups');
  const { file, summary } = await backupConfiguredStore({ outDir, format });
  out.log(`backup written: ${file}\n  ${summary}\n  checksum: ${file}.sha256`);
  if (env.BLOB_READ_WRITE_TOKEN) {
    out.log(
      '  note: uploads live in Vercel Blob (BLOB_READ_WRITE_TOKEN): they are not in this backup.',
    );
  }
}

async function restore(args: string[], out: Out): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new BackupError(`Which file? ${USAGE}`);
  if (file.endsWith('.ndjson')) {
    const transfer = await openDataTransfer();
    try {
      const counts = await importNdjson({ transfer, file: path.resolve(file) });
      const what = Object.entries(counts)
        .map(([c, n]) => `${n} ${c}`)
        .join(', ');
      out.log(`imported into ${transfer.kind}: ${what}`);
    } finally {
      await transfer.close();
    }
    return;
  }
  if (env.MONGODB_URI) {
    throw new BackupError(
      'An archive restores the SQLite store, but MONGODB_URI is set: restore an .ndjson export, or unset MONGODB_URI.',
    );
  }
  const manifest = await restoreBackup({
    file: path.resolve(file),
    databasePath: sqliteDatabasePath(),
    uploadsDir: uploadsDir(),
    schemaVersion: migrations.length,
    force: args.includes('--force'),
  });
  out.log(
    `restored ${path.basename(file)} (made ${manifest.createdAt} by Parley ${manifest.app.version}) into ${sqliteDatabasePath()}: ${manifest.sqlite.rowCounts.messages ?? 0} messages, ${manifest.files.length - 1} upload files`,
  );
}

/** `npm run backup` / `npm run restore`: returns the exit code; a refusal is one clear line. */
export async function main(
  command: 'backup' | 'restore',
  args: string[],
  out: Out = console,
): Promise<number> {
  try {
    if (args.includes('--help')) {
      out.log(USAGE);
      return 0;
    }
    await (command === 'backup' ? backup(args, out) : restore(args, out));
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      out.error(`${command} refused: ${error.message}`);
      return 1;
    }
    out.error(
      `${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 2;
  }
}
