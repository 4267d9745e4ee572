/**
 * Runs once when a Next.js server starts: validating the environment here turns a missing
 * production secret into a start-up error that names it, instead of a failure on first request.
 * It also starts the local job dispatcher (lib/jobs/start.ts) when QStash is not configured,
 * request metrics, and Sentry when SENTRY_DSN is set.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env');
    const { startServerSentry } = await import('./lib/observability/sentry-server');
    await startServerSentry();
    // Request counts and latency per route pattern for /api/metrics (lib/api/observe.ts).
    const { observeHttpRequests } = await import('./lib/metrics/http');
    observeHttpRequests();
    // The embedded job queue's dispatcher runs in the server process, but not while `next build`
    // prerenders pages, nor under Vitest (tests start their own dispatchers).
    if (process.env.NEXT_PHASE !== 'phase-production-build' && !process.env.VITEST) {
      const { startJobsInProcess } = await import('./lib/jobs/start');
      startJobsInProcess();
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
