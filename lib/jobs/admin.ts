import { ApiError, notFound } from '@/lib/api/errors';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import type { Store } from '@/lib/db/store';
import type { Job, JobState, User } from '@/lib/db/types';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

import { republishPendingQStashJobs } from './enqueue';
import { nudgeLocalDispatcher } from './local-dispatcher';
import { publishJob } from './qstash';
import { jobStates, presentJob, type JobCounts, type JobsResponse } from './wire';

/**
 * The domain of the demo accounts `npm run seed` creates (scripts/seed.mjs). They never count as
 * the first person: seeding a fresh install first must not make a demo person its admin.
 */
export const DEMO_EMAIL_DOMAIN = 'demo.parley.dev';

/**
 * Who may see and retry jobs: the people listed in ADMIN_EMAILS whose address is verified (they
 * sign in with GitHub or Google), and the first person who signed up by hand (so a fresh install
 * has an admin without configuration). The assistant and the demo accounts never count.
 */
export async function isAdmin({
  store,
  user,
  adminEmails,
}: {
  store: Pick<Store, 'getFirstUser'>;
  user: User;
  adminEmails: readonly string[] | undefined;
}): Promise<boolean> {
  if (user.id === ASSISTANT_ID) return false;
  // Only a verified address counts: anyone could sign up with a listed address and a password.
  if (user.emailVerified && adminEmails?.includes(user.email.toLowerCase())) return true;
  const first = await store.getFirstUser({
    excludeIds: [ASSISTANT_ID],
    excludeEmailDomains: [DEMO_EMAIL_DOMAIN],
  });
  return first?.id === user.id;
}

export const forbiddenForNonAdmins = () =>
  new ApiError(
    'forbidden',
    'Only admins can see jobs: the first person who signed up, or ADMIN_EMAILS.',
  );

/** The jobs in one state (or those needing attention), newest first, and counts per state. */
export async function listJobsForAdmin({
  store,
  state,
  limit,
}: {
  store: Pick<Store, 'countJobs' | 'listJobs'>;
  state: JobState | undefined;
  limit: number;
}): Promise<JobsResponse> {
  const states: JobState[] = state ? [state] : ['pending', 'running', 'failed'];
  const [jobs, ...totals] = await Promise.all([
    store.listJobs({ states, limit }),
    ...jobStates.map((s) => store.countJobs({ state: s })),
  ]);
  const counts = Object.fromEntries(jobStates.map((s, i) => [s, totals[i] ?? 0])) as JobCounts;
  return { jobs: jobs.map(presentJob), counts };
}

/**
 * Puts a failed job back in the queue (attempts from zero, its last error kept until it runs)
 * and sends it on its way: the local dispatcher is nudged, or the job is published to QStash
 * again, together with any QStash job whose first publish was lost. 404 unknown, 409 not failed.
 */
export async function retryFailedJob({
  store,
  id,
  now = new Date(),
  publish = (job: Job) => publishJob({ job, now }),
}: {
  store: Pick<Store, 'getJob' | 'listJobs' | 'relayOutbox' | 'retryJob'>;
  id: string;
  now?: Date;
  publish?: (job: Job) => Promise<unknown>;
}): Promise<Job> {
  const before = await store.getJob({ id });
  if (!before) throw notFound('That job');
  if (before.state !== 'failed') {
    throw new ApiError('conflict', `Only failed jobs can be retried; this one is ${before.state}.`);
  }
  const job = await store.retryJob({ id, runAt: now, now });
  if (!job || job.state !== 'pending') {
    throw new ApiError('conflict', 'The job changed meanwhile; refresh and try again.');
  }
  if (job.dispatcher === 'local') {
    nudgeLocalDispatcher();
  } else {
    try {
      await publish(job);
    } catch (error) {
      log.error({ err: error, jobId: job.id }, 'could not publish a retried job to QStash');
    }
    await republishPendingQStashJobs({ store, now, publish });
  }
  return job;
}

/** 403 unless `user` is an admin (ADMIN_EMAILS, or the first person who signed up). */
export async function requireAdmin({
  store,
  user,
}: {
  store: Pick<Store, 'getFirstUser'>;
  user: User;
}): Promise<void> {
  if (!(await isAdmin({ store, user, adminEmails: env.ADMIN_EMAILS })))
    throw forbiddenForNonAdmins();
}
