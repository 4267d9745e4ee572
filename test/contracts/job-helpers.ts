import { expect } from 'vitest';

import type { Store } from '@/lib/db/store';
import type { Job, JobDispatcher } from '@/lib/db/types';

/** What the jobs contracts (jobs.ts, job-outcomes.ts) build their cases from. */
export function jobHelpers(store: () => Store) {
  // Whole milliseconds, which both adapters keep exactly.
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const LEASE = 60_000;
  let counter = 0;

  const enqueue = async (
    input: {
      runAt?: Date;
      dispatcher?: JobDispatcher;
      dedupeId?: string;
      payload?: unknown;
    } = {},
  ) =>
    (
      await store().enqueueJob({
        name: 'notify-message',
        payload: input.payload ?? { n: ++counter },
        dedupeId: input.dedupeId ?? `dedupe-${++counter}`,
        dispatcher: input.dispatcher ?? 'local',
        runAt: input.runAt ?? t0,
        maxAttempts: 3,
      })
    ).job;
  const claim = (now: Date, limit = 10) => store().claimDueJobs({ now, limit, leaseMs: LEASE });
  const ids = (jobs: Job[]) => jobs.map((job) => job.id);
  /** A local job, claimed once: running with attempts 1. */
  const running = async () => {
    const job = await enqueue();
    const [claimed] = await claim(t0, 1);
    expect(claimed?.id).toBe(job.id);
    return claimed!;
  };
  return { t0, at, LEASE, enqueue, claim, ids, running };
}
