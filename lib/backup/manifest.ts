import { z } from 'zod';

/** What a backup archive says about itself; restore refuses an archive whose manifest fails this. */
export const backupManifestSchema = z.object({
  format: z.literal('parley-backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  app: z.object({ name: z.literal('parley'), version: z.string().min(1) }),
  sqlite: z.object({
    /** SQLite library version that wrote the copy (informational). */
    libraryVersion: z.string().min(1),
    /** PRAGMA user_version: the migration the copy is at. Restore refuses a newer one. */
    schemaVersion: z.number().int().min(0),
    /** Rows per table in the copy, counted on the copy itself (so they match what is restored). */
    rowCounts: z.record(z.string(), z.number().int().min(0)),
  }),
  files: z
    .array(
      z.object({
        /** POSIX path inside the archive: `parley.db` or `uploads/<key>`. */
        path: z.string().regex(/^(parley\.db|uploads\/[A-Za-z0-9._\-/]+)$/, 'unexpected path'),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'parley.db';
export const UPLOADS_FOLDER = 'uploads';

/** `parley-backup-2026-12-06T03-04-05-123Z.tar.gz`: sortable, and safe in every file system. */
export function archiveName(now: Date): string {
  return `parley-backup-${now.toISOString().replaceAll(':', '-').replace('.', '-')}.tar.gz`;
}

/** Names Parley writes: archives (SQLite) and NDJSON exports (MongoDB), by time. */
export const BACKUP_NAME_PATTERN =
  /^parley-(backup|export)-(\d{4}-\d{2}-\d{2})T[\d-]+Z\.(tar\.gz|ndjson)$/;
