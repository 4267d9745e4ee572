import { z } from 'zod';

import type { Job, JobState } from '@/lib/db/types';

/** What the jobs page, the admin API and `npm run jobs` see of a job. Times are ISO strings. */

const isoDate = z.iso.datetime();
export const jobStates = [
  'pending',
  'running',
  'succeeded',
  'failed',
] as const satisfies readonly JobState[];
export const jobStateSchema = z.enum(jobStates);

export const jobWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: jobStateSchema,
  dispatcher: z.enum(['local', 'qstash']),
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  runAt: isoDate,
  lastError: z.string().nullable(),
  payload: z.unknown(),
  createdAt: isoDate,
  updatedAt: isoDate,
  finishedAt: isoDate.nullable(),
});
export type JobWire = z.infer<typeof jobWireSchema>;

export const jobCountsSchema = z.object({
  pending: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type JobCounts = z.infer<typeof jobCountsSchema>;

export const jobsResponseSchema = z.object({
  jobs: z.array(jobWireSchema),
  counts: jobCountsSchema,
});
export type JobsResponse = z.infer<typeof jobsResponseSchema>;
export const jobResponseSchema = z.object({ job: jobWireSchema });

/** `?state=failed` lists one state; without it, what needs attention: pending, running, failed. */
export const jobsQuerySchema = z.object({
  state: jobStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const jobIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export function presentJob(job: Job): JobWire {
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    dispatcher: job.dispatcher,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    runAt: job.runAt.toISOString(),
    lastError: job.lastError,
    payload: job.payload,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
