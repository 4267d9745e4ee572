/**
 * Runs once when a Next.js server starts: validating the environment here turns a missing
 * production secret into a start-up error that names it, instead of a failure on first request.
 * It also starts the local job dispatcher (lib/jobs/start.ts) when QStash is not configured.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env');
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
}
