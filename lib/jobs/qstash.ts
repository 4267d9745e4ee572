import { Client } from '@upstash/qstash';

import { sha256Hex } from '@/lib/crypto';
import type { Job } from '@/lib/db/types';
import { env } from '@/lib/env';
import { guarded } from '@/lib/resilience/breakers';

import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';

/** Where QStash delivers a job, and the URL its signature names (`sub`). */
export function jobDestination(name: string, appUrl = env.NEXTAUTH_URL): string {
  if (!appUrl) {
    throw new Error(
      'NEXTAUTH_URL must be set when QSTASH_TOKEN is: QStash delivers jobs to <NEXTAUTH_URL>/api/jobs/<name>.',
    );
  }
  return `${appUrl.replace(/\/+$/, '')}/api/jobs/${encodeURIComponent(name)}`;
}

/**
 * QStash refuses some characters in deduplication ids (a colon, for one), so an id that is not
 * plainly safe is replaced by its hash. runAt is part of it: re-sending a job that is still due
 * at the same time is a duplicate QStash drops, while a retry from the jobs page (a new runAt) is
 * a new message. The "_<ms>" suffix never occurs in a hashed id, so the two forms cannot collide.
 */
export async function deduplicationIdFor(job: Pick<Job, 'dedupeId' | 'runAt'>): Promise<string> {
  const raw = `${job.dedupeId}_${job.runAt.getTime()}`;
  return /^[A-Za-z0-9_-]{1,100}$/.test(raw) ? raw : `h-${await sha256Hex(raw)}`;
}

/**
 * The client, from the environment unless given. Requests to QStash itself are retried twice,
 * briefly: the enqueuer is usually answering someone's request, and a job QStash never received
 * stays pending in the store to be re-sent (republishPendingQStashJobs).
 */
export function createQStashClient(
  config: { token?: string; baseUrl?: string } = {
    token: env.QSTASH_TOKEN,
    baseUrl: env.QSTASH_URL,
  },
): Client {
  return new Client({
    token: config.token,
    baseUrl: config.baseUrl,
    retry: { retries: 2, backoff: (n) => 200 * 2 ** n },
    // lib/env.ts is the one source of configuration; QSTASH_DEV must not swap our keys silently.
    devMode: false,
  });
}

/** The delivery body: the route reads the job from the store by id; the payload is for logs. */
export type JobDelivery = { jobId: string; payload: unknown };

/**
 * Hands a stored job to QStash: delivered (signed) to /api/jobs/<name> when due, retried by QStash
 * on a non-2xx answer up to maxAttempts deliveries in all, with the same exponential backoff as
 * the local queue (QStash's `retried` counts from 0 at the first retry).
 */
export async function publishJob({
  job,
  client = createQStashClient(),
  appUrl = env.NEXTAUTH_URL,
  now = new Date(),
}: {
  job: Job;
  client?: Client;
  appUrl?: string;
  now?: Date;
}): Promise<{ messageId: string; deduplicated: boolean }> {
  const delaySeconds = Math.ceil((job.runAt.getTime() - now.getTime()) / 1000);
  const body: JobDelivery = { jobId: job.id, payload: job.payload };
  const deduplicationId = await deduplicationIdFor(job);
  // Behind the qstash breaker: while QStash keeps failing, enqueuers fail at once (the job stays
  // pending in the store and is re-sent later) instead of each waiting out the client's retries.
  const res = await guarded('qstash', () =>
    client.publishJSON({
      url: jobDestination(job.name, appUrl),
      body,
      deduplicationId,
      retries: Math.max(0, job.maxAttempts - 1),
      retryDelay: `min(${BACKOFF_CAP_MS}, pow(2, retried) * ${BACKOFF_BASE_MS})`,
      ...(delaySeconds > 0 ? { delay: delaySeconds } : {}),
    }),
  );
  return { messageId: res.messageId, deduplicated: res.deduplicated ?? false };
}
