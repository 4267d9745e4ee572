/**
 * Test-only jobs (never in workers/ or the catalog): each records its calls, so queue tests can
 * count runs. `createTestJobs()` gives a fresh set; route tests that mock '@/workers' share
 * `sharedTestJobs`.
 */
import { z } from 'zod';

import type { Store } from '@/lib/db/store';
import type { JobDispatcher } from '@/lib/db/types';
import { defineJob, PermanentJobError } from '@/lib/jobs/define';
import { submitJob } from '@/lib/jobs/enqueue';
import type { DispatchDeps } from '@/lib/jobs/outbox';
import type { JobRegistry } from '@/lib/jobs/registry';
import { maxAttemptsOf } from '@/lib/jobs/runner';

export type TestJobs = ReturnType<typeof createTestJobs>;

export function createTestJobs() {
  const calls: { name: string; payload: unknown; attempt: number; jobId: string }[] = [];
  let running = 0;
  let maxRunning = 0;
  let aborted = 0;
  const record = (name: string, payload: unknown, attempt: number, jobId: string) =>
    calls.push({ name, payload, attempt, jobId });

  const registry = {
    /** Succeeds, after `delayMs` if given. */
    echo: defineJob({
      name: 'echo',
      payload: z.object({ n: z.number().int(), delayMs: z.number().int().optional() }),
      maxAttempts: 3,
      timeoutMs: 2_000,
      async run(payload, { attempt, jobId }) {
        record('echo', payload, attempt, jobId);
        running++;
        maxRunning = Math.max(maxRunning, running);
        try {
          if (payload.delayMs) await new Promise((r) => setTimeout(r, payload.delayMs));
        } finally {
          running--;
        }
      },
    }),
    /** Fails its first `failures` attempts, then succeeds. */
    flaky: defineJob({
      name: 'flaky',
      payload: z.object({ failures: z.number().int() }),
      maxAttempts: 4,
      timeoutMs: 2_000,
      async run(payload, { attempt, jobId }) {
        record('flaky', payload, attempt, jobId);
        if (attempt <= payload.failures) throw new Error(`boom #${attempt}`);
      },
    }),
    /** A failure no retry fixes. */
    doomed: defineJob({
      name: 'doomed',
      payload: z.object({}),
      maxAttempts: 4,
      timeoutMs: 2_000,
      async run(payload, { attempt, jobId }) {
        record('doomed', payload, attempt, jobId);
        throw new PermanentJobError('the conversation is gone');
      },
    }),
    /** Never finishes by itself; notes whether its signal was aborted. */
    hang: defineJob({
      name: 'hang',
      payload: z.object({}),
      maxAttempts: 2,
      timeoutMs: 50,
      async run(payload, { attempt, jobId, signal }) {
        record('hang', payload, attempt, jobId);
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        aborted++;
        // Finishing after the timeout changes nothing: the attempt already counts as failed.
      },
    }),
    /** No maxAttempts or timeoutMs: the defaults apply. */
    plain: defineJob({
      name: 'plain',
      payload: z.object({}),
      async run(payload, { attempt, jobId }) {
        record('plain', payload, attempt, jobId);
      },
    }),
  } satisfies JobRegistry;

  return {
    registry: registry as JobRegistry,
    calls,
    runsOf: (name: string) => calls.filter((c) => c.name === name),
    get maxRunning() {
      return maxRunning;
    },
    get aborted() {
      return aborted;
    },
    reset() {
      calls.length = 0;
      maxRunning = 0;
      aborted = 0;
    },
  };
}

export const sharedTestJobs = createTestJobs();

/**
 * Queues one of a test registry's jobs the way enqueueJob queues the catalog's (the catalog
 * holds only the app's jobs): maxAttempts from its definition, then submitJob.
 */
export function submitTestJob({
  registry,
  name,
  payload,
  dedupeId,
  delayMs = 0,
  dispatcher,
  now = new Date(),
  ...rest
}: {
  store: Store;
  registry: JobRegistry;
  name: string;
  payload: unknown;
  dedupeId: string;
  delayMs?: number;
  dispatcher: JobDispatcher;
  now?: Date;
} & DispatchDeps) {
  const definition = registry[name];
  if (!definition) throw new Error(`No test job "${name}"`);
  return submitJob({
    ...rest,
    job: {
      name,
      payload,
      dedupeId,
      dispatcher,
      runAt: new Date(now.getTime() + delayMs),
      maxAttempts: maxAttemptsOf(definition),
    },
  });
}
