import { getStore } from '@/lib/db';
import type { Store } from '@/lib/db/store';
import type { Job, NewJob } from '@/lib/db/types';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

import type { JobName, JobPayloadInput } from './catalog';
import { dispatchQueued, newJob, type DispatchDeps, type NewJobOptions } from './outbox';
import { publishJob } from './qstash';
import { noteQStashFailure, qstashQuota } from './qstash-quota';

export type EnqueueOptions = Omit<NewJobOptions, 'now' | 'dispatcher'> & {
  /** The store to use; the app's (getStore) by default. */
  store?: Pick<Store, 'enqueueJob' | 'listJobs' | 'relayOutbox'>;
};

/**
 * Stores a job and, when it is new, starts it on its way (dispatchQueued). For a job that
 * follows a write, prefer the write's own `jobs` (the outbox): then a crash between the two
 * cannot lose it.
 */
export async function submitJob({
  store,
  job,
  ...deps
}: { store: Pick<Store, 'enqueueJob'>; job: NewJob } & DispatchDeps): Promise<{
  job: Job;
  created: boolean;
}> {
  const result = await store.enqueueJob(job);
  if (result.created) await dispatchQueued([result.job], deps);
  return result;
}

/** At most this often per process, an enqueue also re-sends QStash jobs that never got there. */
const REPUBLISH_EVERY_MS = 60_000;
let lastRepublish = 0;

/**
 * In QStash mode, re-sends stuck jobs (a publish that failed during an outage, an outbox a
 * crash left unrelayed) now and then, in the background of normal traffic: no job waits for
 * someone to press Retry.
 */
export function republishNowAndThen(
  store: Pick<Store, 'listJobs' | 'relayOutbox'>,
  now = Date.now(),
): void {
  if (!env.QSTASH_TOKEN || now - lastRepublish < REPUBLISH_EVERY_MS) return;
  lastRepublish = now;
  republishPendingQStashJobs({ store }).catch((err: unknown) =>
    log.error({ err }, 'could not re-send pending QStash jobs'),
  );
}

/** Queues job `name` (an entry of lib/jobs/catalog.ts) with its payload, validated. */
export async function enqueueJob<N extends JobName>(
  name: N,
  payload: JobPayloadInput<N>,
  opts: EnqueueOptions,
): Promise<{ job: Job; created: boolean }> {
  const store = opts.store ?? (await getStore());
  republishNowAndThen(store);
  return submitJob({
    store,
    job: newJob(name, payload, { dedupeId: opts.dedupeId, delayMs: opts.delayMs }),
  });
}

/**
 * Re-sends QStash jobs that QStash may never have received: pending, never attempted, and due
 * for at least `graceMs` (a delivery normally starts within seconds). Outbox entries a crash
 * left unrelayed (MongoDB) become such jobs first. A job QStash did receive is not delivered
 * twice: the deduplication id (lib/jobs/qstash.ts) is the same. Jobs waiting for QStash's own
 * retry (pending, attempts > 0) are left to it. Jobs that ran in a process after its response
 * (lib/jobs/inline.ts) and whose lease ran out (the process died) are handed over too. Returns
 * how many were sent.
 */
export async function republishPendingQStashJobs({
  store,
  now = new Date(),
  graceMs = 60_000,
  limit = 500,
  publish = (job) => publishJob({ job, now }),
}: {
  store: Pick<Store, 'listJobs' | 'relayOutbox'>;
  now?: Date;
  graceMs?: number;
  limit?: number;
  publish?: (job: Job) => Promise<unknown>;
}): Promise<number> {
  // Nothing can be sent while QStash's daily quota is used up (lib/jobs/qstash-quota.ts).
  if (qstashQuota(now).exhausted) return 0;
  await store.relayOutbox({ before: new Date(now.getTime() - graceMs), limit });
  const cutoff = now.getTime() - graceMs;
  const candidates = await store.listJobs({ states: ['pending', 'running'], limit });
  const stuck = candidates.filter(
    (job) =>
      job.dispatcher === 'qstash' &&
      // Never handed over; or run here after a response (lib/jobs/inline.ts) by a process that
      // died before it finished: its lease ran out.
      ((job.state === 'pending' && job.attempts === 0 && job.runAt.getTime() <= cutoff) ||
        (job.state === 'running' && (job.lockedUntil?.getTime() ?? 0) <= cutoff)),
  );
  let sent = 0;
  for (const job of stuck) {
    try {
      await publish(job);
      sent++;
    } catch (error) {
      if (noteQStashFailure(error, now)) break;
      log.error({ err: error, jobId: job.id, name: job.name }, 'could not re-send a job to QStash');
    }
  }
  return sent;
}
