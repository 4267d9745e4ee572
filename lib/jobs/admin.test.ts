import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ASSISTANT_EMAIL, ASSISTANT_ID, ASSISTANT_NAME } from '@/lib/assistant/identity';
import { ApiError } from '@/lib/api/errors';
import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';

import { DEMO_EMAIL_DOMAIN, isAdmin, listJobsForAdmin, retryFailedJob } from './admin';

let store: Store;
beforeEach(async () => {
  store = createSqliteStore(':memory:');
  // As in the app: the assistant exists before anyone signs up.
  await store.ensureSystemUser({ id: ASSISTANT_ID, email: ASSISTANT_EMAIL, name: ASSISTANT_NAME });
});
afterEach(async () => {
  await store.close();
});

/** Sign-ups a few milliseconds apart, so "first" is well defined (created_at is in ms). */
async function person(email: string) {
  await new Promise((r) => setTimeout(r, 3));
  return store.createUser({ email, name: email, passwordHash: null });
}

describe('isAdmin', () => {
  it('is the first person who signed up, never the assistant', async () => {
    const first = await person('first@example.com');
    const second = await person('second@example.com');
    const assistant = (await store.getUserById({ id: ASSISTANT_ID }))!;
    expect(await isAdmin({ store, user: first, adminEmails: undefined })).toBe(true);
    expect(await isAdmin({ store, user: second, adminEmails: undefined })).toBe(false);
    expect(await isAdmin({ store, user: assistant, adminEmails: [ASSISTANT_EMAIL] })).toBe(false);
  });

  it('skips the demo accounts `npm run seed` made: the first person who signed up by hand is admin', async () => {
    const demo = await person(`ana@${DEMO_EMAIL_DOMAIN}`);
    const byHand = await person('me@example.com');
    expect(await isAdmin({ store, user: demo, adminEmails: undefined })).toBe(false);
    expect(await isAdmin({ store, user: byHand, adminEmails: undefined })).toBe(true);
  });

  it('includes everyone listed in ADMIN_EMAILS (already lower-cased by lib/env) once verified', async () => {
    await person('first@example.com');
    const listed = await person('Ops@Example.com');
    const other = await person('other@example.com');
    const adminEmails = ['ops@example.com'];
    // A password sign-up with a listed address proves nothing: not an admin until verified.
    expect(await isAdmin({ store, user: listed, adminEmails })).toBe(false);
    const verified = (await store.updateUser({ id: listed.id, emailVerified: true }))!;
    expect(await isAdmin({ store, user: verified, adminEmails })).toBe(true);
    expect(await isAdmin({ store, user: other, adminEmails })).toBe(false);
  });
});

async function failedJob(dispatcher: 'local' | 'qstash' = 'local') {
  const { job } = await store.enqueueJob({
    name: 'echo',
    payload: { n: 1 },
    dedupeId: crypto.randomUUID(),
    dispatcher,
    runAt: new Date(),
    maxAttempts: 1,
  });
  await store.startJobAttempt({ id: job.id, now: new Date(), leaseMs: 1_000 });
  await store.failJobAttempt({ id: job.id, error: 'Error: boom', retryAt: null, now: new Date() });
  return job;
}

describe('listJobsForAdmin', () => {
  it('lists what needs attention by default, one state on request, and counts every state', async () => {
    const failed = await failedJob();
    const { job: pending } = await store.enqueueJob({
      name: 'echo',
      payload: {},
      dedupeId: 'p',
      dispatcher: 'local',
      runAt: new Date(),
      maxAttempts: 3,
    });
    const all = await listJobsForAdmin({ store, state: undefined, limit: 50 });
    expect(all.jobs.map((j) => j.id).sort()).toEqual([failed.id, pending.id].sort());
    expect(all.counts).toEqual({ pending: 1, running: 0, succeeded: 0, failed: 1 });
    const onlyFailed = await listJobsForAdmin({ store, state: 'failed', limit: 50 });
    expect(onlyFailed.jobs).toEqual([
      expect.objectContaining({
        id: failed.id,
        state: 'failed',
        lastError: 'Error: boom',
        payload: { n: 1 },
      }),
    ]);
  });
});

describe('retryFailedJob', () => {
  it('puts a failed local job back in the queue', async () => {
    const job = await failedJob();
    const publish = vi.fn(async () => ({}));
    const retried = await retryFailedJob({ store, id: job.id, publish });
    expect(retried).toMatchObject({ state: 'pending', attempts: 0, lastError: 'Error: boom' });
    expect(publish).not.toHaveBeenCalled();
  });

  it('publishes a retried QStash job again', async () => {
    const job = await failedJob('qstash');
    const publish = vi.fn(async () => ({}));
    const now = new Date();
    const retried = await retryFailedJob({ store, id: job.id, now, publish });
    expect(publish).toHaveBeenCalledWith(retried);
    expect(retried.runAt.getTime()).toBe(now.getTime());
  });

  it('answers 404 for an unknown job and 409 for one that has not failed', async () => {
    const job = await failedJob();
    await retryFailedJob({ store, id: job.id });
    const conflict = retryFailedJob({ store, id: job.id });
    await expect(conflict).rejects.toBeInstanceOf(ApiError);
    await expect(conflict).rejects.toMatchObject({ status: 409 });
    await expect(retryFailedJob({ store, id: 'job_missing' })).rejects.toMatchObject({
      status: 404,
    });
  });
});
