import { beforeEach, describe, expect, it, vi } from 'vitest';

import { getStore } from '@/lib/db';
import type { Job } from '@/lib/db/types';
import { sharedTestJobs as jobs } from '@/test/test-jobs';
import { expectError, withParams } from '@/test/api';
import { CURRENT_KEY, NEXT_KEY, signQStash } from '@/test/qstash';

import { POST } from './route';

// Before lib/env parses the environment: QStash's signing keys and the app's public URL, which
// is what signatures name (requests below go to another host, as behind a proxy).
vi.hoisted(() => {
  process.env.QSTASH_CURRENT_SIGNING_KEY = 'sig_test_current_'.padEnd(32, 'c');
  process.env.QSTASH_NEXT_SIGNING_KEY = 'sig_test_next_'.padEnd(32, 'n');
  process.env.NEXTAUTH_URL = 'https://parley.example';
});
// The route runs the registry from '@/workers': these tests run test-only jobs.
vi.mock('@/workers', async () => ({
  jobRegistry: (await import('@/test/test-jobs')).sharedTestJobs.registry,
}));

const APP = 'https://parley.example';
const SECRET = process.env.JOBS_SECRET!;

beforeEach(() => jobs.reset());

type DeliverOptions = {
  /** Sign as QStash with this key (default: the current key), for this URL. */
  key?: string;
  url?: string;
  /** Use the jobs secret instead of a signature. */
  secret?: string;
  unsigned?: boolean;
  retried?: number;
  /** Send exactly this body (after signing `body`). */
  rawOverride?: string;
};

async function deliver(name: string, body: unknown, opts: DeliverOptions = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.secret !== undefined) headers.authorization = `Bearer ${opts.secret}`;
  else if (!opts.unsigned)
    headers['upstash-signature'] = await signQStash({
      key: opts.key ?? CURRENT_KEY,
      url: opts.url ?? `${APP}/api/jobs/${name}`,
      body: raw,
    });
  if (opts.retried !== undefined) headers['upstash-retried'] = String(opts.retried);
  const req = new Request(`http://internal.host:3000/api/jobs/${name}`, {
    method: 'POST',
    headers,
    body: opts.rawOverride ?? raw,
  });
  return POST(req, withParams({ name }));
}

async function storedJob(name: string, payload: unknown, maxAttempts = 3): Promise<Job> {
  const store = await getStore();
  const { job } = await store.enqueueJob({
    name,
    payload,
    dedupeId: `${name}-${crypto.randomUUID()}`,
    dispatcher: 'qstash',
    runAt: new Date(),
    maxAttempts,
  });
  return job;
}

const jobNow = async (id: string) => (await getStore()).getJob({ id });

describe('POST /api/jobs/:name — who may call', () => {
  it('answers 401 without a signature or secret', async () => {
    const job = await storedJob('echo', { n: 1 });
    await expectError(
      await deliver('echo', { jobId: job.id, payload: job.payload }, { unsigned: true }),
      401,
      'unauthorized',
    );
    expect(jobs.calls).toEqual([]);
  });

  it('answers 401 for a signature made with another key', async () => {
    const job = await storedJob('echo', { n: 1 });
    const res = await deliver(
      'echo',
      { jobId: job.id, payload: job.payload },
      { key: 'sig_forged_'.padEnd(32, 'f') },
    );
    await expectError(res, 401, 'unauthorized');
    expect(jobs.calls).toEqual([]);
  });

  it('answers 401 for a signature made for another URL', async () => {
    const job = await storedJob('echo', { n: 1 });
    // Signed for another job's URL, then replayed here.
    const res = await deliver(
      'echo',
      { jobId: job.id, payload: job.payload },
      { url: `${APP}/api/jobs/flaky` },
    );
    await expectError(res, 401, 'unauthorized');
  });

  it('answers 401 when the body was changed after signing', async () => {
    const job = await storedJob('echo', { n: 1 });
    const res = await deliver(
      'echo',
      { jobId: job.id, payload: job.payload },
      { rawOverride: JSON.stringify({ jobId: job.id, payload: { n: 2 } }) },
    );
    await expectError(res, 401, 'unauthorized');
  });

  it('answers 401 for a wrong jobs secret', async () => {
    await expectError(
      await deliver('echo', { payload: { n: 1 } }, { secret: `${SECRET}x` }),
      401,
      'unauthorized',
    );
  });

  it('accepts the next signing key (rotation)', async () => {
    const job = await storedJob('echo', { n: 1 });
    const res = await deliver('echo', { jobId: job.id, payload: job.payload }, { key: NEXT_KEY });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/jobs/:name — QStash deliveries', () => {
  it('runs the job, records it, and skips a second delivery of the same job', async () => {
    const job = await storedJob('echo', { n: 5 });
    const first = await deliver('echo', { jobId: job.id, payload: job.payload }, { retried: 0 });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'succeeded', jobId: job.id });
    expect(await jobNow(job.id)).toMatchObject({ state: 'succeeded', attempts: 1 });

    const again = await deliver('echo', { jobId: job.id, payload: job.payload }, { retried: 0 });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'skipped', jobId: job.id });
    expect(jobs.runsOf('echo')).toHaveLength(1);
  });

  it('answers 500 so QStash retries, then fails the job on the last delivery QStash makes', async () => {
    const job = await storedJob('flaky', { failures: 99 }, 3);
    for (const retried of [0, 1]) {
      const res = await deliver('flaky', { jobId: job.id, payload: job.payload }, { retried });
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({
        status: 'retrying',
        error: { code: 'job_error', message: `Error: boom #${retried + 1}` },
      });
      expect(res.headers.get('upstash-nonretryable-error')).toBeNull();
      expect(await jobNow(job.id)).toMatchObject({
        state: 'pending',
        attempts: retried + 1,
        lastError: `Error: boom #${retried + 1}`,
      });
    }
    const last = await deliver('flaky', { jobId: job.id, payload: job.payload }, { retried: 2 });
    expect(last.status).toBe(489);
    expect(last.headers.get('upstash-nonretryable-error')).toBe('true');
    expect(await jobNow(job.id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'Error: boom #3',
    });
  });

  it('fails a payload that breaks its schema at once and tells QStash not to retry', async () => {
    const job = await storedJob('echo', { n: 'five' });
    const res = await deliver('echo', { jobId: job.id, payload: job.payload }, { retried: 0 });
    expect(res.status).toBe(489);
    expect(res.headers.get('upstash-nonretryable-error')).toBe('true');
    expect(await res.json()).toMatchObject({ status: 'failed', error: { code: 'job_rejected' } });
    expect(await jobNow(job.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await jobNow(job.id))?.lastError).toMatch(/^Invalid payload/);
    expect(jobs.calls).toEqual([]);

    // A stray redelivery does not run it either.
    const again = await deliver('echo', { jobId: job.id, payload: job.payload }, { retried: 1 });
    expect(again.status).toBe(489);
    expect(await jobNow(job.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(jobs.calls).toEqual([]);
  });

  it('does not retry a PermanentJobError', async () => {
    const job = await storedJob('doomed', {});
    const res = await deliver('doomed', { jobId: job.id, payload: {} }, { retried: 0 });
    expect(res.status).toBe(489);
    expect(await jobNow(job.id)).toMatchObject({
      state: 'failed',
      lastError: 'PermanentJobError: the conversation is gone',
    });
  });

  it('answers 404 for an unknown job name, an unknown job id, or a job of another name', async () => {
    await expectError(await deliver('nope', { payload: {} }), 404, 'not_found');
    await expectError(
      await deliver('echo', { jobId: 'job_missing', payload: { n: 1 } }),
      404,
      'not_found',
    );
    const job = await storedJob('flaky', { failures: 0 });
    await expectError(
      await deliver('echo', { jobId: job.id, payload: { n: 1 } }),
      404,
      'not_found',
    );
    expect(jobs.calls).toEqual([]);
  });

  it('answers 400 for a body that is not JSON and 422 for a malformed delivery', async () => {
    await expectError(await deliver('echo', '{"payload":', { secret: SECRET }), 400, 'bad_request');
    await expectError(
      await deliver('echo', { jobId: 42, payload: {} }, { secret: SECRET }),
      422,
      'validation_failed',
    );
  });
});

describe('POST /api/jobs/:name — with the jobs secret', () => {
  it('runs a payload once without storing anything', async () => {
    const store = await getStore();
    const count = async () =>
      (
        await Promise.all(
          (['pending', 'running', 'succeeded', 'failed'] as const).map((state) =>
            store.countJobs({ state }),
          ),
        )
      ).reduce((a, b) => a + b, 0);
    const before = await count();
    const res = await deliver('echo', { payload: { n: 9 } }, { secret: SECRET });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'succeeded', jobId: null });
    expect(jobs.runsOf('echo').map((c) => c.payload)).toEqual([{ n: 9 }]);
    expect(await count()).toBe(before);
  });

  it('answers 489 for an invalid payload and 500 for a failure a retry could fix', async () => {
    const invalid = await deliver('echo', { payload: { n: 'x' } }, { secret: SECRET });
    expect(invalid.status).toBe(489);
    const failing = await deliver('flaky', { payload: { failures: 1 } }, { secret: SECRET });
    expect(failing.status).toBe(500);
    expect(await failing.json()).toMatchObject({ status: 'retrying', retryAt: null });
  });

  it('re-runs a stored job by id', async () => {
    const job = await storedJob('echo', { n: 3 });
    const res = await deliver('echo', { jobId: job.id, payload: null }, { secret: SECRET });
    expect(res.status).toBe(200);
    expect(jobs.runsOf('echo').map((c) => c.payload)).toEqual([{ n: 3 }]);
    expect(await jobNow(job.id)).toMatchObject({ state: 'succeeded' });
  });
});
