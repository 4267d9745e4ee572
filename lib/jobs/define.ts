import type { z } from 'zod';

import type { Store } from '@/lib/db/store';

import type { JobName, JobPayload } from './catalog';

/** What a handler gets besides its payload: its dependencies, as one object. */
export type JobContext = {
  store: Store;
  jobId: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** Aborted when the attempt runs past the job's timeout. */
  signal: AbortSignal;
};

/**
 * A handler (one per file in workers/): `(payload, deps) => Promise<void>`. It must be
 * idempotent: running it twice (a retry after a crash, a duplicate delivery) has the effect of
 * running it once. Its payload schema, attempts and timeout are in lib/jobs/catalog.ts.
 */
export type JobHandler<N extends JobName> = (
  payload: JobPayload<N>,
  ctx: JobContext,
) => Promise<void>;

/** A handler for every job in the catalog (workers/index.ts). */
export type JobHandlers = { readonly [N in JobName]: JobHandler<N> };

/**
 * What the runner runs: a catalog entry joined with its handler (lib/jobs/registry.ts builds the
 * app's; tests define their own jobs with defineJob).
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  /** Attempts before the job is failed for good (default 5). */
  maxAttempts?: number;
  /** An attempt is abandoned (and retried) after this long (default 60 s). */
  timeoutMs?: number;
  run(payload: z.infer<S>, ctx: JobContext): Promise<void>;
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Thrown by a handler for a failure no retry can fix: the job is failed at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_TIMEOUT_MS = 60_000;
