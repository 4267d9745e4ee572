import type { z } from 'zod';

import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';
import { jobDuration, jobsFinished } from '@/lib/metrics/metrics';
import { recentActivity } from '@/lib/metrics/recent';
import { runTraced } from '@/lib/observability/context';

import { backoffDelayMs } from './backoff';
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
  PermanentJobError,
  type JobDefinition,
} from './define';
import type { JobRegistry } from './registry';

/** Attempts by job and result, their duration, and the operations page's last hour. */
function observeJob(name: string, result: 'succeeded' | 'retried' | 'failed', seconds: number) {
  jobsFinished.inc({ job: name, result });
  jobDuration.observe({ job: name }, seconds);
  recentActivity().count(result === 'succeeded' ? 'jobsSucceeded' : 'jobsFailed');
}

/** Stored errors are for people reading the jobs page; a stack trace or a huge message is cut. */
const MAX_ERROR_LENGTH = 2_000;

/** What one attempt came to, before anything is recorded. */
export type AttemptOutcome =
  | { ok: true }
  /** `retryable: false`: an invalid payload, a PermanentJobError or an unknown job. */
  | { ok: false; retryable: boolean; error: string };

/** A lease outlasts the job's timeout by this much: past it, another process may run the job. */
export const LEASE_MARGIN_MS = 30_000;

/** What runJob recorded; the job route maps it to HTTP. */
export type RunResult =
  | { status: 'succeeded' }
  | { status: 'retrying'; error: string; retryAt: Date }
  /** `permanent`: no retry could help (as opposed to attempts used up). */
  | { status: 'failed'; error: string; permanent: boolean };

export class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';
}

export const timeoutOf = (definition: JobDefinition | undefined) =>
  definition?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
export const maxAttemptsOf = (definition: JobDefinition | undefined) =>
  definition?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
  return describeError(`Invalid payload (not retried): ${issues.join('; ')}`);
}

/**
 * Validates the payload and runs the handler once, abandoning it after the job's timeout. The
 * handler gets an AbortSignal that fires then; one that ignores it keeps running in the
 * background, which is safe because handlers are idempotent. Never throws.
 */
export async function attemptJob({
  definition,
  name,
  payload,
  store,
  jobId,
  attempt,
}: {
  definition: JobDefinition | undefined;
  name: string;
  payload: unknown;
  /** The whole store: a job handler may use any port (JobContext.store). */
  store: Store;
  jobId: string;
  attempt: number;
}): Promise<AttemptOutcome> {
  if (!definition) {
    return {
      ok: false,
      retryable: false,
      error: `Unknown job "${name}": no worker has this name.`,
    };
  }
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) return { ok: false, retryable: false, error: describeIssues(parsed.error) };

  const timeoutMs = timeoutOf(definition);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new JobTimeoutError(`The attempt took longer than ${timeoutMs} ms.`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    await Promise.race([
      definition.run(parsed.data, { store, jobId, attempt, signal: controller.signal }),
      timedOut,
    ]);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      retryable: !(error instanceof PermanentJobError),
      error: describeError(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one attempt of a job the caller has already marked running (claimDueJobs or
 * startJobAttempt) and records the outcome: succeeded; failed at once for an invalid payload or a
 * PermanentJobError; otherwise pending again after an exponential backoff, or failed with the last
 * error once this was the last allowed attempt. `lastAttempt` overrides that decision for
 * deliveries counted elsewhere (QStash's Upstash-Retried).
 */
export function runJob(args: Parameters<typeof runTracedJob>[0]): Promise<RunResult> {
  // The attempt continues the trace of whatever queued the job: its log lines, publishes and
  // provider calls carry that trace id (lib/observability/context.ts).
  return runTraced(args.job.traceparent, {}, () => runTracedJob(args));
}

async function runTracedJob({
  store,
  registry,
  job,
  now = () => new Date(),
  backoffBaseMs,
  random,
  lastAttempt = job.attempts >= job.maxAttempts,
}: {
  /** The whole store: a job handler may use any port (JobContext.store). */
  store: Store;
  registry: JobRegistry;
  job: Job;
  now?: () => Date;
  backoffBaseMs?: number;
  random?: () => number;
  lastAttempt?: boolean;
}): Promise<RunResult> {
  const started = performance.now();
  const outcome = await attemptJob({
    definition: Object.hasOwn(registry, job.name) ? registry[job.name] : undefined,
    name: job.name,
    payload: job.payload,
    store,
    jobId: job.id,
    attempt: job.attempts,
  });
  const observe = (result: 'succeeded' | 'retried' | 'failed') =>
    observeJob(job.name, result, (performance.now() - started) / 1000);
  if (outcome.ok) {
    await store.completeJob({ id: job.id, now: now() });
    observe('succeeded');
    return { status: 'succeeded' };
  }
  if (!outcome.retryable || lastAttempt) {
    await store.failJobAttempt({ id: job.id, error: outcome.error, retryAt: null, now: now() });
    observe('failed');
    return { status: 'failed', error: outcome.error, permanent: !outcome.retryable };
  }
  observe('retried');
  const at = now();
  const retryAt = new Date(
    at.getTime() + backoffDelayMs({ attempt: job.attempts, baseMs: backoffBaseMs, random }),
  );
  await store.failJobAttempt({ id: job.id, error: outcome.error, retryAt, now: at });
  return { status: 'retrying', error: outcome.error, retryAt };
}
