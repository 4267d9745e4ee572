import { BrokenCircuitError } from 'cockatiel';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import { breakerStatus, resetBreaker } from '@/lib/resilience/breakers';
import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';
import { startFakeQStash } from '@/test/qstash';

import { createQStashClient, deduplicationIdFor, jobDestination, publishJob } from './qstash';
import { createTestJobs, submitTestJob } from '@/test/test-jobs';

const APP = 'https://parley.example';
const TOKEN = 'qstash-test-token';
let fake: Awaited<ReturnType<typeof startFakeQStash>>;
let store: Store;

beforeAll(async () => {
  fake = await startFakeQStash();
  store = createSqliteStore(':memory:');
});
afterAll(async () => {
  await fake.close();
  await store.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.answerWith(201);
  resetBreaker('qstash');
});

const client = () => createQStashClient({ token: TOKEN, baseUrl: fake.url });

async function storedJob(
  input: Partial<{
    name: string;
    dedupeId: string;
    runAt: Date;
    maxAttempts: number;
    payload: unknown;
  }> = {},
): Promise<Job> {
  const { job } = await store.enqueueJob({
    name: input.name ?? 'notify-message',
    payload: input.payload ?? { messageId: 'm_1' },
    dedupeId: input.dedupeId ?? `notify-message-${crypto.randomUUID()}`,
    dispatcher: 'qstash',
    runAt: input.runAt ?? new Date(),
    maxAttempts: input.maxAttempts ?? 5,
  });
  return job;
}

describe('publishJob', () => {
  it('publishes the job to /api/jobs/<name> with deduplication, retries and its backoff', async () => {
    const now = new Date();
    const job = await storedJob({ dedupeId: 'notify-message-m_1', runAt: now, maxAttempts: 5 });
    const res = await publishJob({ job, client: client(), appUrl: APP, now });
    expect(res).toEqual({ messageId: 'msg_1', deduplicated: false });

    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe(`/v2/publish/${APP}/api/jobs/notify-message`);
    expect(req!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['upstash-deduplication-id']).toBe(`notify-message-m_1_${now.getTime()}`);
    expect(req!.headers['upstash-retries']).toBe('4');
    expect(req!.headers['upstash-retry-delay']).toBe('min(600000, pow(2, retried) * 1000)');
    expect(req!.headers['upstash-delay']).toBeUndefined();
    expect(JSON.parse(req!.body)).toEqual({ jobId: job.id, payload: { messageId: 'm_1' } });
  });

  it('asks QStash to wait until a delayed job is due', async () => {
    const now = new Date();
    const job = await storedJob({ runAt: new Date(now.getTime() + 30_000) });
    await publishJob({ job, client: client(), appUrl: `${APP}/`, now });
    expect(fake.requests[0]!.headers['upstash-delay']).toBe('30s');
    expect(fake.requests[0]!.path).toBe(`/v2/publish/${APP}/api/jobs/notify-message`);
  });

  it('makes a deduplication id QStash accepts out of any dedupeId', async () => {
    const runAt = new Date('2030-01-01T00:00:00Z');
    const unsafe = { dedupeId: 'notify-message:m_1:u_2', runAt };
    const id = await deduplicationIdFor(unsafe);
    expect(id).toMatch(/^h-[0-9a-f]{64}$/);
    expect(await deduplicationIdFor(unsafe)).toBe(id);
    // A retry (a new runAt) is a new message for QStash.
    expect(await deduplicationIdFor({ ...unsafe, runAt: new Date(runAt.getTime() + 1) })).not.toBe(
      id,
    );
    expect(await deduplicationIdFor({ dedupeId: 'a'.repeat(200), runAt })).toMatch(/^h-/);

    const job = await storedJob({ dedupeId: 'notify-message:m_9' });
    await publishJob({ job, client: client(), appUrl: APP });
    expect(fake.requests[0]!.headers['upstash-deduplication-id']).toMatch(/^h-[0-9a-f]{64}$/);
  });

  it('fails when QStash refuses, and without NEXTAUTH_URL', async () => {
    const job = await storedJob();
    fake.answerWith(400);
    await expect(publishJob({ job, client: client(), appUrl: APP })).rejects.toThrow();
    await expect(publishJob({ job, client: client(), appUrl: undefined })).rejects.toThrow(
      /NEXTAUTH_URL must be set/,
    );
    expect(() => jobDestination('x', undefined)).toThrow(/NEXTAUTH_URL/);
  });

  it('leaves the job pending when enqueueing meets a QStash failure', async () => {
    const jobs = createTestJobs();
    fake.answerWith(500);
    const { job, created } = await submitTestJob({
      store,
      registry: jobs.registry,
      name: 'echo',
      payload: { n: 1 },
      dedupeId: `echo-${crypto.randomUUID()}`,
      dispatcher: 'qstash',
      publish: (j) => publishJob({ job: j, client: client(), appUrl: APP }),
    });
    expect(created).toBe(true);
    expect(fake.requests).toHaveLength(1);
    expect(await store.getJob({ id: job.id })).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('opens the qstash breaker after 5 failures in a row: then fails at once, QStash untouched', async () => {
    const job = await storedJob();
    fake.answerWith(400);
    for (let i = 0; i < 5; i++)
      await expect(publishJob({ job, client: client(), appUrl: APP })).rejects.toThrow();
    const reached = fake.requests.length;
    expect(breakerStatus('qstash').status).toBe('open');
    await expect(publishJob({ job, client: client(), appUrl: APP })).rejects.toBeInstanceOf(
      BrokenCircuitError,
    );
    expect(fake.requests).toHaveLength(reached);
  });
});
