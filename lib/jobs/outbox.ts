import type { Store } from '@/lib/db/store';
import type { Job, JobDispatcher, NewJob } from '@/lib/db/types';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { jobsEnqueued } from '@/lib/metrics/metrics';
import { outgoingTraceparent } from '@/lib/observability/context';

import { jobCatalog, type JobName, type JobPayloadInput } from './catalog';
import { afterResponse, canRunHere, runInline, runsInline } from './inline';
import { nudgeLocalDispatcher } from './local-dispatcher';
import { publishJob } from './qstash';
import { noteQStashFailure, qstashQuota } from './qstash-quota';

/** Who delivers jobs queued now: QStash when configured, else this process's dispatcher. */
export const currentDispatcher = (): JobDispatcher => (env.QSTASH_TOKEN ? 'qstash' : 'local');

export type NewJobOptions = {
  /**
   * At most one job per dedupeId, ever (until pruned): writing the same id again is a no-op.
   * Derive it from what the job is about (`message-created:<messageId>`), so a retried request
   * never queues twice.
   */
  dedupeId: string;
  /** Not before this many milliseconds from `now`. */
  delayMs?: number;
  now?: Date;
  dispatcher?: JobDispatcher;
};

/**
 * A job as the store writes it, typed by the catalog and validated against its payload schema
 * here, before anything is stored (an invalid payload is a bug: it throws). Pass it to
 * `enqueueJob`'s store write, or to a store write with consequences (`createMessage`'s `jobs`,
 * `endCall`'s `jobs`), which writes it in its own transaction: the transactional outbox.
 */
export function newJob<N extends JobName>(
  name: N,
  payload: JobPayloadInput<N>,
  { dedupeId, delayMs = 0, now = new Date(), dispatcher = currentDispatcher() }: NewJobOptions,
): NewJob {
  const spec = jobCatalog[name];
  spec.payload.parse(payload);
  return {
    name,
    payload,
    dedupeId,
    dispatcher,
    runAt: new Date(now.getTime() + Math.max(0, delayMs)),
    maxAttempts: spec.maxAttempts,
    // The worker continues the trace of the request (or job) that queued this one.
    traceparent: outgoingTraceparent() ?? null,
  };
}

export type DispatchDeps = {
  /** Hands a QStash job to QStash. */
  publish?: (job: Job) => Promise<unknown>;
  /** Runs a QStash job here after the response instead (lib/jobs/inline.ts), when it can. */
  inline?: (job: Job) => boolean;
  /** The store inline jobs run against (the app's by default). */
  inlineStore?: Store;
  /** Wakes this process's dispatcher (a no-op where none runs). */
  nudge?: () => void;
};

/**
 * Starts jobs just committed on their way: local jobs wake this process's dispatcher at once
 * (no waiting for its poll); QStash jobs that are due and marked `inline` run here after the
 * response (lib/jobs/inline.ts), the others are published. Never throws: a job that fails to
 * publish stays pending in the store and is re-sent (republishPendingQStashJobs); a local job
 * is a row the dispatcher finds on its next poll in any process. Losing a job would be worse
 * than a late one.
 */
export async function dispatchQueued(
  jobs: readonly Job[],
  {
    publish = (job) => publishJob({ job }),
    nudge = nudgeLocalDispatcher,
    inline = (job) => runsInline(job),
    inlineStore,
  }: DispatchDeps = {},
): Promise<void> {
  for (const job of jobs) jobsEnqueued.inc({ job: job.name });
  if (jobs.some((job) => job.dispatcher === 'local')) nudge();
  for (const job of jobs) {
    if (job.dispatcher !== 'qstash') continue;
    const runHere = () => afterResponse(() => runInline(job, { store: inlineStore, publish }));
    // Inline by design, or QStash's daily quota is used up and the job is due now.
    if (inline(job) || (qstashQuota().exhausted && canRunHere(job))) {
      runHere();
      continue;
    }
    // A delayed job while the quota is used up: pending in the store until the sweep sends it.
    if (qstashQuota().exhausted) continue;
    try {
      await publish(job);
    } catch (error) {
      if (noteQStashFailure(error) && canRunHere(job)) {
        runHere();
        continue;
      }
      log.error(
        { err: error, jobId: job.id, name: job.name },
        'could not publish a job to QStash; it stays pending and is re-sent later',
      );
    }
  }
}
