/**
 * Runs once when a Next.js server starts: validating the environment here turns a missing
 * production secret into a start-up error that names it, instead of a failure on first request.
 * It also readies the store (lib/app-store.ts: the assistant's person) and starts the local job
 * dispatcher (lib/jobs/start.ts) when QStash is not configured.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env');
    const { refuseGeneratedSecrets } = await import('./lib/env-generated');
    refuseGeneratedSecrets(process.env);
    // The embedded job queue's dispatcher runs in the server process, but not while `next build`
    // prerenders pages, nor under Vitest (tests start their own dispatchers).
    if (process.env.NEXT_PHASE !== 'phase-production-build' && !process.env.VITEST) {
      // The store with the assistant's person in it, before the first request or job needs it.
      // Not fatal: a store that cannot open yet is tried again by the first request.
      const { getStore } = await import('./lib/app-store');
      const { log } = await import('./lib/log');
      await getStore().catch((error: unknown) => log.error({ err: error }, 'store: not ready'));
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
