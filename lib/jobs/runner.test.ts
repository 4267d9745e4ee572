import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';

import { runJob } from './runner';
import { createTestJobs, type TestJobs } from '@/test/test-jobs';

let store: Store;
let jobs: TestJobs;
let clock: Date;
const now = () => new Date(clock);
const noJitter = () => 0.5;

beforeEach(() => {
  store = createSqliteStore(':memory:');
  jobs = createTestJobs();
  clock = new Date('2030-01-01T00:00:00Z');
});
afterEach(async () => {
  await store.close();
});

async function enqueue(name: string, payload: unknown, maxAttempts = 4): Promise<Job> {
  const { job } = await store.enqueueJob({
    name,
    payload,
    dedupeId: `${name}:${crypto.randomUUID()}`,
    dispatcher: 'local',
    runAt: now(),
    maxAttempts,
  });
  return job;
}

/** Claims the one due job, as the dispatcher would, and runs it. */
async function claimAndRun(id: string) {
  const [claimed] = await store.claimDueJobs({ now: now(), limit: 1, leaseMs: 60_000 });
  expect(claimed?.id, 'the job is due').toBe(id);
  const result = await runJob({
    store,
    registry: jobs.registry,
    job: claimed!,
    now,
    random: noJitter,
  });
  return { result, job: (await store.getJob({ id }))! };
}

describe('runJob', () => {
  it('marks a job that runs cleanly as succeeded', async () => {
    const job = await enqueue('echo', { n: 1 });
    const { result, job: after } = await claimAndRun(job.id);
    expect(result).toEqual({ status: 'succeeded' });
    expect(after).toMatchObject({ state: 'succeeded', attempts: 1, lastError: null });
    expect(jobs.runsOf('echo')).toEqual([
      { name: 'echo', payload: { n: 1 }, attempt: 1, jobId: job.id },
    ]);
  });

  it('retries a failing job with exponential backoff, then fails it with the last error', async () => {
    const job = await enqueue('flaky', { failures: 99 }, 4);
    const started = clock.getTime();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const { result, job: after } = await claimAndRun(job.id);
      expect(result).toMatchObject({ status: 'retrying', error: `Error: boom #${attempt}` });
      expect(after).toMatchObject({
        state: 'pending',
        attempts: attempt,
        lastError: `Error: boom #${attempt}`,
      });
      waits.push(after.runAt.getTime() - clock.getTime());
      // Not due before its time...
      expect(await store.claimDueJobs({ now: now(), limit: 5, leaseMs: 1_000 })).toEqual([]);
      clock = after.runAt; // ...and due then.
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);

    const { result, job: after } = await claimAndRun(job.id);
    expect(result).toEqual({ status: 'failed', error: 'Error: boom #4', permanent: false });
    expect(after).toMatchObject({ state: 'failed', attempts: 4, lastError: 'Error: boom #4' });
    expect(after.finishedAt?.getTime()).toBe(started + 7_000);
    // Failed for good: nothing claims it again, however late.
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await store.claimDueJobs({ now: now(), limit: 5, leaseMs: 1_000 })).toEqual([]);
    expect(jobs.runsOf('flaky')).toHaveLength(4);
  });

  it('fails a job whose payload breaks its schema at once, without running the handler', async () => {
    const job = await enqueue('echo', { n: 'not a number' });
    const { result, job: after } = await claimAndRun(job.id);
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    expect(after.state).toBe('failed');
    expect(after.attempts).toBe(1);
    expect(after.lastError).toMatch(/^Invalid payload \(not retried\): n: /);
    expect(jobs.runsOf('echo')).toEqual([]);
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await store.claimDueJobs({ now: now(), limit: 5, leaseMs: 1_000 })).toEqual([]);
  });

  it('fails a job at once when its handler throws PermanentJobError', async () => {
    const job = await enqueue('doomed', {});
    const { result, job: after } = await claimAndRun(job.id);
    expect(result).toEqual({
      status: 'failed',
      error: 'PermanentJobError: the conversation is gone',
      permanent: true,
    });
    expect(after).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('abandons an attempt past its timeout (aborting its signal) and retries it', async () => {
    const job = await enqueue('hang', {}, 2);
    const { result, job: after } = await claimAndRun(job.id);
    expect(result).toMatchObject({
      status: 'retrying',
      error: 'JobTimeoutError: The attempt took longer than 50 ms.',
    });
    expect(after).toMatchObject({ state: 'pending', attempts: 1 });
    await expect.poll(() => jobs.aborted).toBe(1);

    clock = after.runAt;
    const second = await claimAndRun(job.id);
    expect(second.result).toMatchObject({ status: 'failed', permanent: false });
    expect(second.job.lastError).toMatch(/JobTimeoutError/);
  });

  it('fails a job no worker knows at once', async () => {
    const job = await enqueue('vanished-worker', {});
    const { result, job: after } = await claimAndRun(job.id);
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    expect(after.lastError).toMatch(/Unknown job "vanished-worker"/);
  });

  it('lets the caller decide that this was the last attempt (QStash counts its own)', async () => {
    const job = await enqueue('flaky', { failures: 99 }, 4);
    const [claimed] = await store.claimDueJobs({ now: now(), limit: 1, leaseMs: 60_000 });
    const result = await runJob({
      store,
      registry: jobs.registry,
      job: claimed!,
      now,
      lastAttempt: true,
    });
    expect(result).toMatchObject({ status: 'failed', permanent: false });
    expect((await store.getJob({ id: job.id }))?.state).toBe('failed');
  });

  it('cuts a very long error message down before storing it', async () => {
    const registry = {
      ...jobs.registry,
      loud: {
        ...jobs.registry.doomed!,
        name: 'loud',
        run: async () => Promise.reject(new Error('x'.repeat(10_000))),
      },
    };
    const job = await enqueue('loud', {}, 1);
    const [claimed] = await store.claimDueJobs({ now: now(), limit: 1, leaseMs: 60_000 });
    await runJob({ store, registry, job: claimed!, now });
    const after = await store.getJob({ id: job.id });
    expect(after?.lastError?.length).toBe(2_000);
    expect(after?.lastError?.endsWith('…')).toBe(true);
  });
});
