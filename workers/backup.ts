import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

import { backupConfiguredStore } from '@/lib/backup/make';
import { backupDay, backupsToPrune } from '@/lib/backup/retention';
import { nextBackupRun, scheduleDailyBackup } from '@/lib/backup/schedule';
import { env } from '@/lib/env';
import { defineJob, PermanentJobError } from '@/lib/jobs/define';
import { log } from '@/lib/log';

export type DailyBackupDeps = {
  now: () => Date;
  keep: number;
  /** Names in the backup folder (Parley's and anything else: only Parley's are touched). */
  listBackups: () => Promise<string[]>;
  /** Makes one backup now; returns its file name. */
  makeBackup: (now: Date) => Promise<string>;
  removeBackup: (name: string) => Promise<void>;
  /** Queues the next run (deduplicated per day). */
  scheduleNext: (run: { day: string; at: Date }) => Promise<void>;
};

/**
 * One daily run: at most one backup per UTC day (a retried or duplicated job finds today's and
 * makes none), then the oldest beyond `keep` are deleted, then tomorrow's run is queued. Pure
 * over its deps, so the tests run it with fakes and the job below with the real folder.
 */
export async function runDailyBackup(
  deps: DailyBackupDeps,
): Promise<{ made: string | null; pruned: string[] }> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const names = await deps.listBackups();
  const made = names.some((n) => backupDay(n) === today) ? null : await deps.makeBackup(now);
  const pruned = backupsToPrune(made ? [...names, made] : names, deps.keep);
  for (const name of pruned) await deps.removeBackup(name);
  await deps.scheduleNext(nextBackupRun(now));
  return { made, pruned };
}

export const dailyBackup = defineJob({
  name: 'daily-backup',
  /** The UTC day this run is for: only the dedupe id uses it (one queued run per day). */
  payload: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  maxAttempts: 3,
  timeoutMs: 15 * 60_000,
  async run() {
    const dir = env.BACKUP_DIR;
    // Switched off after it was queued: nothing to do, and no next run.
    if (!dir) throw new PermanentJobError('BACKUP_DIR is not set: daily backups are off.');
    const result = await runDailyBackup({
      now: () => new Date(),
      keep: env.BACKUP_KEEP ?? 7,
      listBackups: () => readdir(dir).catch(() => []),
      makeBackup: async (now) => {
        const { file } = await backupConfiguredStore({
          outDir: dir,
          format: env.MONGODB_URI ? 'ndjson' : 'archive',
          now,
        });
        return path.basename(file);
      },
      removeBackup: async (name) => {
        await rm(path.join(dir, name), { force: true });
        await rm(path.join(dir, `${name}.sha256`), { force: true });
      },
      scheduleNext: (run) => scheduleDailyBackup(run),
    });
    log.info({ ...result, dir }, 'daily backup done');
  },
});
