/**
 * Helpers for tests of what jobs do: the jobs a request queued (the local dispatcher does not
 * run under Vitest) and running one job's handler the way the dispatcher would.
 */
import { getStore } from '@/lib/db';
import type { Job } from '@/lib/db/types';
import type { JobName } from '@/lib/jobs/catalog';
import { jobRegistry } from '@/workers';

/** Queued jobs named `name` whose payload matches `match`, oldest first. */
export async function queuedJobs(
  name: JobName,
  match: (payload: Record<string, unknown>) => boolean = () => true,
): Promise<Job[]> {
  const store = await getStore();
  const jobs = await store.listJobs({ states: ['pending'], limit: 1000 });
  return jobs
    .filter((j) => j.name === name && match(j.payload as Record<string, unknown>))
    .reverse();
}

/** Runs job `name`'s handler once on a payload, parsed with its schema, against the app's store. */
export async function runWorker(name: JobName, payload: unknown): Promise<void> {
  const store = await getStore();
  const definition = jobRegistry[name]!;
  await definition.run(definition.payload.parse(payload), {
    store,
    jobId: 'job_test',
    attempt: 1,
    signal: new AbortController().signal,
  });
}

/** Runs every queued `name` job whose payload's `key` is one of `values`; returns how many. */
export async function runQueued(name: JobName, ids: { key: string; values: string[] }) {
  const jobs = await queuedJobs(name, (p) => ids.values.includes(String(p[ids.key])));
  for (const job of jobs) await runWorker(name, job.payload);
  return jobs.length;
}
