/**
 * Runs once when a Next.js server starts: validating the environment here turns a missing
 * production secret into a start-up error that names it, instead of a failure on first request.
 * It also starts the local job dispatcher (lib/jobs/start.ts) when QStash is not configured.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env');
    const { refuseGeneratedSecrets } = await import('./lib/env-generated');
    refuseGeneratedSecrets(process.env);
    // The embedded job queue's dispatcher runs in the server process, but not while `next build`
    // prerenders pages, nor under Vitest (tests start their own dispatchers).
    if (process.env.NEXT_PHASE !== 'phase-production-build' && !process.env.VITEST) {
      const { startJobsInProcess } = await import('./lib/jobs/start');
      startJobsInProcess();
      const { env } = await import('./lib/env');
      if (env.BACKUP_DIR) {
        // One job per day (deduplicated); a day that has a backup already makes none.
        const [{ scheduleDailyBackup }, { log }] = await Promise.all([
          import('./lib/backup/schedule'),
          import('./lib/log'),
        ]);
        const day = new Date().toISOString().slice(0, 10);
        scheduleDailyBackup({ day }).catch((err: unknown) => {
          log.error({ err }, 'daily backup could not be scheduled');
        });
      }
    }
  }
}
