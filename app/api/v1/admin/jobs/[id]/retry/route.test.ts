import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { getStore } from '@/lib/db';
import { startLocalDispatcher, stopLocalDispatcher } from '@/lib/jobs/local-dispatcher';
import { sharedTestJobs as jobs } from '@/test/test-jobs';
import { jobResponseSchema } from '@/lib/jobs/wire';
import {
  apiUrl,
  expectError,
  signUpUser,
  uniqueEmail,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { POST } from './route';

const ADMIN_EMAIL = vi.hoisted(() => {
  const email = `jobs-admin-${Math.random().toString(36).slice(2)}@example.com`;
  process.env.ADMIN_EMAILS = email;
  return email;
});

let admin: TestAccount;
let member: TestAccount;
beforeAll(async () => {
  admin = await signUpUser({ email: ADMIN_EMAIL });
  // Listed addresses count once verified (as a GitHub or Google sign-in makes them).
  await (await getStore()).updateUser({ id: admin.user.id, emailVerified: true });
  member = await signUpUser({ email: uniqueEmail('member') });
});
afterAll(async () => {
  delete process.env.ADMIN_EMAILS;
  await stopLocalDispatcher();
});

const retry = (headers: Record<string, string>, id: string) =>
  POST(
    new Request(apiUrl(`/admin/jobs/${id}/retry`), { method: 'POST', headers }),
    withParams({ id }),
  );

/** An `echo` job (a test job) that failed its one attempt. */
async function failedJob() {
  const store = await getStore();
  const { job } = await store.enqueueJob({
    name: 'echo',
    payload: { n: 11 },
    dedupeId: crypto.randomUUID(),
    dispatcher: 'local',
    runAt: new Date(),
    maxAttempts: 1,
  });
  await store.startJobAttempt({ id: job.id, now: new Date(), leaseMs: 60_000 });
  await store.failJobAttempt({ id: job.id, error: 'Error: boom', retryAt: null, now: new Date() });
  return job;
}

describe('POST /api/v1/admin/jobs/:id/retry', () => {
  it('puts a failed job back in the queue, and the running dispatcher runs it', async () => {
    const job = await failedJob();
    // This process's dispatcher, polling rarely: only the retry's nudge gets the job run soon.
    const dispatcher = startLocalDispatcher({
      store: getStore,
      registry: jobs.registry,
      pollMs: 60_000,
    });
    await dispatcher.tick(); // its first look: nothing due yet
    const res = await retry(withCookie(admin.cookie), job.id);
    expect(res.status).toBe(200);
    expect(jobResponseSchema.parse(await res.json()).job).toMatchObject({
      id: job.id,
      state: 'pending',
      attempts: 0,
      lastError: 'Error: boom',
    });
    const store = await getStore();
    await expect
      .poll(async () => (await store.getJob({ id: job.id }))?.state, { timeout: 3_000 })
      .toBe('succeeded');
    expect(jobs.runsOf('echo').map((c) => c.jobId)).toContain(job.id);
  });

  it('answers 409 for a job that has not failed and 404 for an unknown one', async () => {
    const store = await getStore();
    const { job } = await store.enqueueJob({
      name: 'echo',
      payload: { n: 1 },
      dedupeId: crypto.randomUUID(),
      dispatcher: 'local',
      runAt: new Date(Date.now() + 3_600_000),
      maxAttempts: 1,
    });
    await expectError(await retry(withCookie(admin.cookie), job.id), 409, 'conflict');
    await expectError(await retry(withCookie(admin.cookie), 'job_missing'), 404, 'not_found');
  });

  it('answers 403 to someone who is not an admin, and 401 when signed out', async () => {
    const job = await failedJob();
    await expectError(await retry(withCookie(member.cookie), job.id), 403, 'forbidden');
    await expectError(await retry({}, job.id), 401, 'unauthorized');
    expect((await (await getStore()).getJob({ id: job.id }))?.state).toBe('failed');
  });
});
