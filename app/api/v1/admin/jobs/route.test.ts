import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { getStore } from '@/lib/db';
import { jobsResponseSchema } from '@/lib/jobs/wire';
import {
  bearer,
  createApiToken,
  expectError,
  getRequest,
  signUpUser,
  uniqueEmail,
  withCookie,
  type TestAccount,
} from '@/test/api';

import { GET } from './route';

// ADMIN_EMAILS is read when lib/env loads, so it is set before the route is imported.
const ADMIN_EMAIL = vi.hoisted(() => {
  const email = `jobs-admin-${Math.random().toString(36).slice(2)}@example.com`;
  process.env.ADMIN_EMAILS = `someone@example.com, ${email.toUpperCase()}`;
  return email;
});
afterAll(() => {
  delete process.env.ADMIN_EMAILS;
});

let admin: TestAccount;
let member: TestAccount;
beforeAll(async () => {
  admin = await signUpUser({ email: ADMIN_EMAIL });
  // Listed addresses count once verified (as a GitHub or Google sign-in makes them).
  await (await getStore()).updateUser({ id: admin.user.id, emailVerified: true });
  member = await signUpUser({ email: uniqueEmail('member') });
});

const list = (headers: Record<string, string>, query = '') =>
  GET(getRequest(`/admin/jobs${query}`, headers));

async function jobIn(state: 'pending' | 'failed' | 'succeeded') {
  const store = await getStore();
  const { job } = await store.enqueueJob({
    name: 'notify-message',
    payload: { messageId: `m_${state}` },
    dedupeId: crypto.randomUUID(),
    dispatcher: 'local',
    runAt: new Date(Date.now() + 3_600_000),
    maxAttempts: 1,
  });
  if (state === 'pending') return job;
  await store.startJobAttempt({ id: job.id, now: new Date(), leaseMs: 1_000 });
  if (state === 'succeeded') await store.completeJob({ id: job.id, now: new Date() });
  else
    await store.failJobAttempt({
      id: job.id,
      error: 'Error: boom',
      retryAt: null,
      now: new Date(),
    });
  return job;
}

describe('GET /api/v1/admin/jobs', () => {
  it('lists pending and failed jobs (not succeeded ones) with counts for an admin', async () => {
    const [pending, failed, succeeded] = [
      await jobIn('pending'),
      await jobIn('failed'),
      await jobIn('succeeded'),
    ];
    const res = await list(withCookie(admin.cookie));
    expect(res.status).toBe(200);
    const body = jobsResponseSchema.parse(await res.json());
    const ids = body.jobs.map((j) => j.id);
    expect(ids).toEqual(expect.arrayContaining([pending.id, failed.id]));
    expect(ids).not.toContain(succeeded.id);
    expect(body.jobs.find((j) => j.id === failed.id)).toMatchObject({
      name: 'notify-message',
      state: 'failed',
      attempts: 1,
      maxAttempts: 1,
      lastError: 'Error: boom',
      payload: { messageId: 'm_failed' },
    });
    expect(body.counts.pending).toBeGreaterThanOrEqual(1);
    expect(body.counts.failed).toBeGreaterThanOrEqual(1);
    expect(body.counts.succeeded).toBeGreaterThanOrEqual(1);
  });

  it('lists one state on request', async () => {
    const succeeded = await jobIn('succeeded');
    const body = jobsResponseSchema.parse(
      await (await list(withCookie(admin.cookie), '?state=succeeded')).json(),
    );
    expect(body.jobs.map((j) => j.id)).toContain(succeeded.id);
    expect(new Set(body.jobs.map((j) => j.state))).toEqual(new Set(['succeeded']));
  });

  it('works with an admin API token', async () => {
    const { token } = await createApiToken(admin.cookie);
    expect((await list(bearer(token))).status).toBe(200);
  });

  it('answers 403 to someone who is not an admin, and 401 when signed out', async () => {
    await expectError(await list(withCookie(member.cookie)), 403, 'forbidden');
    await expectError(await list({}), 401, 'unauthorized');
  });

  it('answers 400 for an unknown state', async () => {
    await expectError(await list(withCookie(admin.cookie), '?state=lost'), 400, 'bad_request');
  });
});
