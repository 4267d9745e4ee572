import type { Store } from '@/lib/db/store';
import { enqueueJob } from '@/lib/jobs/enqueue';

/** Daily backups run at 03:00 UTC: the next such time strictly after `now`. */
export function nextBackupRun(now: Date): { day: string; at: Date } {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return { day: at.toISOString().slice(0, 10), at };
}

/**
 * Queues the daily backup for `day` (catalog job `daily-backup`, deduplicated by day, so every
 * server start and every run may call this and one job per day results). Without a time it runs
 * now: a server that starts with BACKUP_DIR set and no backup today makes one at once. `store`:
 * the app's by default.
 */
export async function scheduleDailyBackup(run: {
  day: string;
  at?: Date;
  store?: Pick<Store, 'enqueueJob' | 'listJobs' | 'relayOutbox'>;
}): Promise<void> {
  await enqueueJob(
    'daily-backup',
    { day: run.day },
    {
      dedupeId: `daily-backup:${run.day}`,
      delayMs: run.at ? Math.max(0, run.at.getTime() - Date.now()) : 0,
      store: run.store,
    },
  );
}
