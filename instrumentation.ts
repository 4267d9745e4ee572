/**
 * Runs once when a Next.js server starts: validating the environment here turns a missing
 * production secret into a start-up error that names it, instead of a failure on first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/env');
  }
}
