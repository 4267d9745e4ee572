/**
 * Helpers for tests of what jobs do: the jobs a request queued (the local dispatcher does not
 * run under Vitest) and running one job's handler the way the dispatcher would.
 */
import { getStore } from '@/lib/db';
import type { Job } from '@/lib/db/types';
import type { JobDefinition } from '@/lib/jobs/define';

/** Queued jobs named `name` whose payload matches `match`, oldest first. */
export async function queuedJobs(
  name: string,
  match: (payload: Record<string, unknown>) => boolean = () => true,
): Promise<Job[]> {
  const store = await getStore();
  const jobs = await store.listJobs({ states: ['pending'], limit: 1000 });
  return jobs
    .filter((j) => j.name === name && match(j.payload as Record<string, unknown>))
    .reverse();
}

/** Runs a worker's handler once on a payload, parsed with its schema, against the app's store. */
export async function runWorker<S extends JobDefinition>(
  worker: S,
  payload: unknown,
): Promise<void> {
  const store = await getStore();
  await worker.run(worker.payload.parse(payload), {
    store,
    jobId: 'job_test',
    attempt: 1,
    signal: new AbortController().signal,
  });
}

/** Runs every queued `notify-message` job for these message ids. */
export async function runQueued(worker: JobDefinition, ids: { key: string; values: string[] }) {
  const jobs = await queuedJobs(worker.name, (p) => ids.values.includes(String(p[ids.key])));
  for (const job of jobs) await runWorker(worker, job.payload);
  return jobs.length;
}
