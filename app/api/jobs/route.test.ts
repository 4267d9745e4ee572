import { describe, expect, it } from 'vitest';

import { getStore } from '@/lib/db';
import { jobsResponseSchema } from '@/lib/jobs/wire';
import { expectError } from '@/test/api';

import { GET } from './route';
import { POST as retry } from './retry/[id]/route';
import { withParams } from '@/test/api';

const SECRET = process.env.JOBS_SECRET!;
const auth = (secret = SECRET) => ({ authorization: `Bearer ${secret}` });
const list = (query = '', headers: Record<string, string> = auth()) =>
  GET(new Request(`http://parley.test/api/jobs${query}`, { headers }));
const retryRequest = (id: string, headers: Record<string, string> = auth()) =>
  retry(
    new Request(`http://parley.test/api/jobs/retry/${id}`, { method: 'POST', headers }),
    withParams({ id }),
  );

async function failedJob() {
  const store = await getStore();
  const { job } = await store.enqueueJob({
    name: 'echo',
    payload: { n: 1 },
    dedupeId: crypto.randomUUID(),
    dispatcher: 'local',
    runAt: new Date(),
    maxAttempts: 1,
  });
  await store.startJobAttempt({ id: job.id, now: new Date(), leaseMs: 1_000 });
  await store.failJobAttempt({ id: job.id, error: 'Error: boom', retryAt: null, now: new Date() });
  return job;
}

describe('GET /api/jobs (npm run jobs)', () => {
  it('lists jobs for the holder of the jobs secret', async () => {
    const job = await failedJob();
    const res = await list('?state=failed');
    expect(res.status).toBe(200);
    const body = jobsResponseSchema.parse(await res.json());
    expect(body.jobs.map((j) => j.id)).toContain(job.id);
    expect(body.counts.failed).toBeGreaterThanOrEqual(1);
  });

  it('answers 401 without the secret or with a wrong one', async () => {
    await expectError(await list('', {}), 401, 'unauthorized');
    await expectError(await list('', auth('wrong')), 401, 'unauthorized');
  });

  it('answers 400 for an unknown state', async () => {
    await expectError(await list('?state=lost'), 400, 'bad_request');
  });
});

describe('POST /api/jobs/retry/:id (npm run jobs -- retry)', () => {
  it('puts a failed job back in the queue once', async () => {
    const job = await failedJob();
    const res = await retryRequest(job.id);
    expect(res.status).toBe(200);
    expect((await res.json()).job).toMatchObject({ id: job.id, state: 'pending', attempts: 0 });
    await expectError(await retryRequest(job.id), 409, 'conflict');
    await expectError(await retryRequest('job_missing'), 404, 'not_found');
  });

  it('answers 401 without the secret', async () => {
    const job = await failedJob();
    await expectError(await retryRequest(job.id, {}), 401, 'unauthorized');
    expect((await (await getStore()).getJob({ id: job.id }))?.state).toBe('failed');
  });
});
