import { after } from 'next/server';

import { getStore } from '@/lib/db';
import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';
import { log } from '@/lib/log';

import { jobCatalog, type JobName } from './catalog';
import { noteQStashFailure } from './qstash-quota';
import type { JobRegistry } from './registry';
import { LEASE_MARGIN_MS, runJob, timeoutOf } from './runner';

/**
 * With QStash, a job that is due at once and marked `inline` in the catalog runs in the process
 * that queued it, right after the response (Next.js `after()`, which keeps a serverless function
 * alive for it), instead of costing a QStash message: QStash's free tier is 1,000 messages a day
 * and a team's chat makes several jobs per message (lib/budget). The job is still a row written in
 * the same transaction as the write that caused it (the outbox), so nothing is lost if this
 * process dies: the periodic sweep (republishPendingQStashJobs) hands QStash every such job whose
 * lease ran out. A retryable failure goes to QStash at once, with its backoff, and QStash retries.
 *
 * The handlers come from workers/ (lib/jobs never imports them): instrumentation.ts registers
 * them at start-up (startJobsInProcess). Without a registry, jobs are published as before.
 */
// On globalThis: Next.js bundles instrumentation.ts (which registers) and each route (which
// dispatches) separately, and they must share one registry.
const slot = globalThis as unknown as { __parleyInlineJobs?: JobRegistry | null };

export function runJobsInline(handlers: JobRegistry | null): void {
  slot.__parleyInlineJobs = handlers;
}

/** Whether this process has the job's handler (it can run the job here, now, if it must). */
export function canRunHere(job: Pick<Job, 'name' | 'runAt'>, now = Date.now()): boolean {
  const registry = slot.__parleyInlineJobs;
  return !!registry && Object.hasOwn(registry, job.name) && job.runAt.getTime() <= now;
}

/** Whether this job runs here rather than through QStash even when QStash takes messages. */
export function runsInline(job: Pick<Job, 'name' | 'runAt'>, now = Date.now()): boolean {
  const spec = jobCatalog[job.name as JobName] as { inline?: boolean } | undefined;
  return spec?.inline === true && canRunHere(job, now);
}

/** Runs `work` once the response is sent; outside a request (a job, a script), right away. */
export function afterResponse(work: () => Promise<void>): void {
  const guarded = () =>
    work().catch((err: unknown) => log.error({ err }, 'work after the response failed'));
  try {
    after(guarded);
  } catch {
    void guarded();
  }
}

export type InlineDeps = {
  store?: Store;
  /** Hands a job that failed here (retryable) to QStash for its retries. */
  publish: (job: Job) => Promise<unknown>;
};

/**
 * One attempt here; a retryable failure is published to QStash at its retry time. A job some
 * other attempt already finished is skipped (startJobAttempt leaves it as it is).
 */
export async function runInline(job: Job, deps: InlineDeps): Promise<void> {
  const handlers = slot.__parleyInlineJobs;
  if (!handlers) return;
  const store = deps.store ?? (await getStore());
  const leaseMs = timeoutOf(handlers[job.name]) + LEASE_MARGIN_MS;
  const started = await store.startJobAttempt({ id: job.id, now: new Date(), leaseMs });
  if (!started || started.state !== 'running') return;
  const result = await runJob({ store, registry: handlers, job: started });
  if (result.status !== 'retrying') return;
  try {
    await deps.publish({ ...started, state: 'pending', runAt: result.retryAt });
  } catch (err) {
    noteQStashFailure(err);
    // It stays pending in the store; the sweep publishes it once QStash takes messages again.
    log.warn({ err, jobId: job.id, name: job.name }, 'could not hand a failed job to QStash');
  }
}
