import { ApiError } from '@/lib/api/errors';
import { json } from '@/lib/api/route';
import type { Store } from '@/lib/db/store';

import type { JobRegistry } from './registry';
import { attemptJob, LEASE_MARGIN_MS, runJob, timeoutOf, type RunResult } from './runner';
import type { JobCaller } from './verify';

export type DeliveryResult =
  | RunResult
  | { status: 'skipped' }
  /** A manual run that failed in a way a retry could fix (nothing is stored or scheduled). */
  | { status: 'retrying'; error: string; retryAt: null };

/** QStash stops retrying a message answered with 489 and this header (its docs, "Retry"). */
export const NON_RETRYABLE_STATUS = 489;
export const NON_RETRYABLE_HEADER = 'Upstash-NonRetryable-Error';

const unknownJob = (what: string) => new ApiError('not_found', `${what} was not found.`);

/**
 * One delivery to /api/jobs/<name>. With a jobId (QStash, or a manual re-run of a stored job):
 * the stored job's attempt runs and is recorded; a job already succeeded is skipped, so a
 * duplicate delivery has no effect. `retried` is QStash's Upstash-Retried (0 on the first
 * delivery): the delivery QStash will not follow with another fails the job for good. Without a
 * jobId (someone with the jobs secret trying a payload): one attempt, nothing stored.
 */
export async function deliverJob({
  store,
  registry,
  name,
  jobId,
  payload,
  caller,
  retried,
  now = () => new Date(),
  backoffBaseMs,
}: {
  /** The whole store: the job's handler may use any port (JobContext.store). */
  store: Store;
  registry: JobRegistry;
  name: string;
  jobId: string | undefined;
  payload: unknown;
  caller: JobCaller;
  retried: number | null;
  now?: () => Date;
  backoffBaseMs?: number;
}): Promise<DeliveryResult> {
  const definition = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!definition) throw unknownJob(`A job called "${name}"`);

  if (jobId === undefined) {
    const outcome = await attemptJob({
      definition,
      name,
      payload,
      store,
      jobId: `manual_${crypto.randomUUID()}`,
      attempt: 1,
    });
    if (outcome.ok) return { status: 'succeeded' };
    return outcome.retryable
      ? { status: 'retrying', error: outcome.error, retryAt: null }
      : { status: 'failed', error: outcome.error, permanent: true };
  }

  const stored = await store.getJob({ id: jobId });
  if (!stored || stored.name !== name) throw unknownJob('That job');
  if (stored.state === 'succeeded') return { status: 'skipped' };
  if (stored.state === 'failed') {
    return {
      status: 'failed',
      error: `The job has failed for good (${stored.lastError ?? 'no error recorded'}); retry it from the jobs page.`,
      permanent: false,
    };
  }
  const job = await store.startJobAttempt({
    id: jobId,
    now: now(),
    leaseMs: timeoutOf(definition) + LEASE_MARGIN_MS,
  });
  if (!job) throw unknownJob('That job');
  if (job.state === 'succeeded') return { status: 'skipped' };
  const exhausted = job.attempts >= job.maxAttempts;
  const lastAttempt =
    caller === 'qstash' && retried !== null
      ? exhausted || retried >= job.maxAttempts - 1
      : exhausted;
  return runJob({ store, registry, job, now, backoffBaseMs, lastAttempt });
}

/** QStash's retry counter from a delivery's headers, or null when absent or malformed. */
export function retriedFrom(headers: Headers): number | null {
  const value = headers.get('upstash-retried');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * 200 done (or already done); 500 try again (QStash retries it); 489 with
 * Upstash-NonRetryable-Error over for good, so QStash sends it to its dead-letter queue instead
 * of retrying a payload that can never work.
 */
export function deliveryResponse(result: DeliveryResult, jobId: string | undefined): Response {
  switch (result.status) {
    case 'succeeded':
    case 'skipped':
      return json({ status: result.status, jobId: jobId ?? null });
    case 'retrying':
      return json(
        {
          status: 'retrying',
          jobId: jobId ?? null,
          retryAt: result.retryAt?.toISOString() ?? null,
          error: { code: 'job_error', message: result.error },
        },
        500,
      );
    case 'failed':
      return json(
        {
          status: 'failed',
          jobId: jobId ?? null,
          error: { code: result.permanent ? 'job_rejected' : 'job_failed', message: result.error },
        },
        NON_RETRYABLE_STATUS,
        { [NON_RETRYABLE_HEADER]: 'true' },
      );
  }
}
