import { BACKUP_NAME_PATTERN } from './manifest';

/** The day (YYYY-MM-DD, UTC) a backup's name was made on, or null for names Parley did not write. */
export function backupDay(name: string): string | null {
  return BACKUP_NAME_PATTERN.exec(name)?.[2] ?? null;
}

/**
 * Which backups to delete to keep the newest `keep`. Only names Parley writes count, so nothing
 * else in the folder is ever touched; names sort by time within a kind (archiveName, ndjsonName).
 */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const ours = names
    .filter((n) => backupDay(n) !== null)
    .sort((a, b) => (a.slice(a.indexOf('-', 7)) < b.slice(b.indexOf('-', 7)) ? -1 : 1));
  return ours.slice(0, Math.max(0, ours.length - keep));
}
