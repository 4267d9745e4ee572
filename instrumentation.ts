/**
 * Runs once when a Next.js server starts: validating the environment here turns a missing
 * production secret into a start-up error that names it, instead of a failure on first request.
 * It also readies the store (lib/app-store.ts: the assistant's person), starts the local job
 * dispatcher (lib/jobs/start.ts) when QStash is not configured, request metrics (pushed over OTLP
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set), and Sentry when SENTRY_DSN is set.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env');
    const { refuseGeneratedSecrets } = await import('./lib/env-generated');
    refuseGeneratedSecrets(process.env);
    const { startServerSentry } = await import('./lib/observability/sentry-server');
    await startServerSentry();
    // Request and store-operation latency for /api/metrics (lib/api/observe.ts, lib/db/observe.ts),
    // and trace context; PARLEY_OBSERVABILITY=off leaves them out to measure what they cost.
    const { env: startEnv } = await import('./lib/env');
    if (startEnv.PARLEY_OBSERVABILITY === 'on') {
      const { observeHttpRequests, observeStoreOperations } = await import('./lib/metrics/http');
      observeHttpRequests();
      observeStoreOperations();
    } else {
      const { setTracingDisabled } = await import('./lib/observability/context');
      setTracingDisabled(true);
    }
    // The embedded job queue's dispatcher runs in the server process, but not while `next build`
    // prerenders pages, nor under Vitest (tests start their own dispatchers).
    if (process.env.NEXT_PHASE !== 'phase-production-build' && !process.env.VITEST) {
      // The store with the assistant's person in it, before the first request or job needs it.
      // Not fatal: a store that cannot open yet is tried again by the first request.
      const { getStore } = await import('./lib/app-store');
      const { log } = await import('./lib/log');
      await getStore().catch((error: unknown) => log.error({ err: error }, 'store: not ready'));
      // The handlers are imported here and by /api/jobs/[name] only (lib/jobs knows the catalog).
      const [{ startJobsInProcess }, { jobRegistry }] = await Promise.all([
        import('./lib/jobs/start'),
        import('./workers'),
      ]);
      startJobsInProcess(jobRegistry);
      const { env } = await import('./lib/env');
      if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
        // Where no Prometheus can scrape (Vercel): the same metrics pushed over OTLP.
        const { startOtlpPush } = await import('./lib/metrics/otlp');
        startOtlpPush({ store: getStore });
      }
      {
        // Read notifications older than 30 days go, once a day (deduplicated per day).
        const { scheduleNotificationPrune } = await import('./lib/notifications/server/retention');
        scheduleNotificationPrune({ day: new Date().toISOString().slice(0, 10) }).catch(
          (err: unknown) => log.error({ err }, 'notification pruning could not be scheduled'),
        );
      }
      if (env.BACKUP_DIR) {
        // One job per day (deduplicated); a day that has a backup already makes none.
        const { scheduleDailyBackup } = await import('./lib/backup/schedule');
        const day = new Date().toISOString().slice(0, 10);
        scheduleDailyBackup({ day }).catch((err: unknown) => {
          log.error({ err }, 'daily backup could not be scheduled');
        });
      }
    }
  }
  if (process.env.NEXT_RUNTIME === 'edge') {
    const { startServerSentry } = await import('./lib/observability/sentry-server');
    await startServerSentry();
  }
}

/**
 * Errors Next.js itself catches (rendering, routes that throw past route()), sent to Sentry when
 * it is on. Loaded only then, so a server without SENTRY_DSN never loads the SDK.
 */
export async function onRequestError(...args: unknown[]): Promise<void> {
  if (!process.env.SENTRY_DSN) return;
  const Sentry = await import('@sentry/nextjs');
  await (Sentry.captureRequestError as (...a: unknown[]) => Promise<void> | void)(...args);
}
