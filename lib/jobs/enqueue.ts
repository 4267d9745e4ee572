import { getStore } from '@/lib/db';
import type { Store } from '@/lib/db/store';
import type { Job, JobDispatcher } from '@/lib/db/types';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
// Types only: lib/chat imports this module and workers import lib/chat (see registry.ts).
import type { JobName, JobPayload } from '@/workers';

import { nudgeLocalDispatcher } from './local-dispatcher';
import { publishJob } from './qstash';
import { loadWorkers, type JobRegistry } from './registry';
import { maxAttemptsOf } from './runner';

export type EnqueueOptions = {
  /**
   * At most one job per dedupeId, ever (until pruned): enqueueing the same id again is a no-op.
   * Derive it from what the job is about (`notify:<messageId>:<userId>`), so a retried request
   * never queues twice.
   */
  dedupeId: string;
  /** Not before this many milliseconds from now. */
  delayMs?: number;
  /** The store to use; the app's (getStore) by default. */
  store?: Store;
};

export type SubmitJobInput = {
  store: Store;
  registry: JobRegistry;
  name: string;
  payload: unknown;
  dedupeId: string;
  delayMs?: number;
  dispatcher: JobDispatcher;
  now?: Date;
  /** Hands a new QStash job to QStash. */
  publish?: (job: Job) => Promise<unknown>;
  /** Wakes the local dispatcher for a new local job. */
  nudge?: () => void;
};

/**
 * Stores a job and, when it is new, starts it on its way: the local dispatcher is nudged, or the
 * job is published to QStash. A QStash failure is logged, never thrown: the job stays pending in
 * the store, and `republishPendingQStashJobs` (run by every retry from the jobs page or
 * `npm run jobs`) sends it again. Losing a job would be worse than a late one.
 */
export async function submitJob({
  store,
  registry,
  name,
  payload,
  dedupeId,
  delayMs = 0,
  dispatcher,
  now = new Date(),
  publish = (job) => publishJob({ job }),
  nudge = nudgeLocalDispatcher,
}: SubmitJobInput): Promise<{ job: Job; created: boolean }> {
  const definition = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!definition) throw new Error(`Unknown job "${name}": add its worker to workers/index.ts.`);
  const result = await store.enqueueJob({
    name,
    payload,
    dedupeId,
    dispatcher,
    runAt: new Date(now.getTime() + Math.max(0, delayMs)),
    maxAttempts: maxAttemptsOf(definition),
  });
  if (!result.created) return result;
  if (dispatcher === 'local') {
    nudge();
  } else {
    try {
      await publish(result.job);
    } catch (error) {
      log.error(
        { err: error, jobId: result.job.id, name },
        'could not publish a job to QStash; it stays pending and is re-sent on the next retry',
      );
    }
  }
  return result;
}

/** At most this often per process, an enqueue also re-sends QStash jobs that never got there. */
const REPUBLISH_EVERY_MS = 60_000;
let lastRepublish = 0;

/**
 * In QStash mode, re-sends stuck jobs (a publish that failed during an outage) now and then, in
 * the background of normal traffic: no job waits for someone to press Retry.
 */
export function republishNowAndThen(store: Store, now = Date.now()): void {
  if (!env.QSTASH_TOKEN || now - lastRepublish < REPUBLISH_EVERY_MS) return;
  lastRepublish = now;
  republishPendingQStashJobs({ store }).catch((err: unknown) =>
    log.error({ err }, 'could not re-send pending QStash jobs'),
  );
}

/** Queues job `name` (a worker in workers/index.ts) with its payload. */
export async function enqueueJob<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  opts: EnqueueOptions,
): Promise<{ job: Job; created: boolean }> {
  const store = opts.store ?? (await getStore());
  republishNowAndThen(store);
  return submitJob({
    store,
    registry: await loadWorkers(),
    name,
    payload,
    dedupeId: opts.dedupeId,
    delayMs: opts.delayMs,
    dispatcher: env.QSTASH_TOKEN ? 'qstash' : 'local',
  });
}

/**
 * Re-sends QStash jobs that QStash may never have received: pending, never attempted, and due
 * for at least `graceMs` (a delivery normally starts within seconds). A job QStash did receive
 * is not delivered twice: the deduplication id (lib/jobs/qstash.ts) is the same. Jobs waiting for
 * QStash's own retry (attempts > 0) are left to it. Returns how many were sent.
 */
export async function republishPendingQStashJobs({
  store,
  now = new Date(),
  graceMs = 60_000,
  limit = 500,
  publish = (job) => publishJob({ job, now }),
}: {
  store: Store;
  now?: Date;
  graceMs?: number;
  limit?: number;
  publish?: (job: Job) => Promise<unknown>;
}): Promise<number> {
  const pending = await store.listJobs({ states: ['pending'], limit });
  const stuck = pending.filter(
    (job) =>
      job.dispatcher === 'qstash' &&
      job.attempts === 0 &&
      job.runAt.getTime() <= now.getTime() - graceMs,
  );
  let sent = 0;
  for (const job of stuck) {
    try {
      await publish(job);
      sent++;
    } catch (error) {
      log.error({ err: error, jobId: job.id, name: job.name }, 'could not re-send a job to QStash');
    }
  }
  return sent;
}
