import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';

import { jobCatalog } from './catalog';
import { republishPendingQStashJobs } from './enqueue';
import { createLocalDispatcher } from './local-dispatcher';
import { newJob } from './outbox';
import { createTestJobs, submitTestJob, type TestJobs } from '@/test/test-jobs';

let store: Store;
let jobs: TestJobs;

beforeEach(() => {
  store = createSqliteStore(':memory:');
  jobs = createTestJobs();
});
afterEach(async () => {
  await store.close();
});

const T0 = new Date('2030-01-01T00:00:00Z');

describe('submitJob (local)', () => {
  it('stores a job once per dedupeId, nudges once, and the job runs once', async () => {
    const nudge = vi.fn();
    const input = {
      store,
      registry: jobs.registry,
      name: 'echo',
      payload: { n: 7 },
      dedupeId: 'echo:same',
      dispatcher: 'local' as const,
      nudge,
    };
    const first = await submitTestJob(input);
    const second = await submitTestJob({ ...input, payload: { n: 8 } });
    expect(first.created).toBe(true);
    expect(second).toEqual({ job: first.job, created: false });
    expect(first.job).toMatchObject({
      name: 'echo',
      state: 'pending',
      attempts: 0,
      maxAttempts: 3,
      dispatcher: 'local',
      payload: { n: 7 },
    });
    expect(nudge).toHaveBeenCalledTimes(1);

    const dispatcher = createLocalDispatcher({ store, registry: jobs.registry });
    await dispatcher.tick();
    await dispatcher.idle();
    expect(jobs.runsOf('echo')).toHaveLength(1);
    expect((await store.getJob({ id: first.job.id }))?.state).toBe('succeeded');
    // Enqueued again after it ran: still the one job, not run again.
    expect((await submitTestJob(input)).created).toBe(false);
    await dispatcher.tick();
    await dispatcher.idle();
    expect(jobs.runsOf('echo')).toHaveLength(1);
  });

  it('delays a job by delayMs', async () => {
    const { job } = await submitTestJob({
      store,
      registry: jobs.registry,
      name: 'echo',
      payload: { n: 1 },
      dedupeId: 'echo:later',
      delayMs: 30_000,
      dispatcher: 'local',
      now: T0,
      nudge: () => {},
    });
    expect(job.runAt.getTime()).toBe(T0.getTime() + 30_000);
    const soon = new Date(T0.getTime() + 29_000);
    expect(await store.claimDueJobs({ now: soon, limit: 5, leaseMs: 1_000 })).toEqual([]);
    const due = await store.claimDueJobs({ now: job.runAt, limit: 5, leaseMs: 1_000 });
    expect(due.map((j) => j.id)).toEqual([job.id]);
  });

  it('takes maxAttempts from the catalog and validates the payload against it', () => {
    expect(
      newJob('assistant-reply', { conversationId: 'c_1', messageId: 'm_1' }, { dedupeId: 'a:1' }),
    ).toMatchObject({ name: 'assistant-reply', maxAttempts: 3, dedupeId: 'a:1' });
    expect(newJob('message-created', { messageId: 'm_1' }, { dedupeId: 'm:1' }).maxAttempts).toBe(
      jobCatalog['message-created'].maxAttempts,
    );
    // Refused before anything is stored: an invalid payload is a bug in the caller.
    expect(() => newJob('message-created', { messageId: '' }, { dedupeId: 'm:2' })).toThrow();
    expect(() => newJob('notify-call', { callId: 'x'.repeat(65) }, { dedupeId: 'c:1' })).toThrow();
  });

  it('delays a new job from `now` and is local without QStash', () => {
    const job = newJob('email-digest', { userId: 'u_1' }, { dedupeId: 'd:1', now: T0, delayMs: 5 });
    expect(job).toMatchObject({ runAt: new Date(T0.getTime() + 5), dispatcher: 'local' });
  });
});

describe('submitJob (QStash)', () => {
  const submit = (publish: (job: Job) => Promise<unknown>, dedupeId = 'echo:q') =>
    submitTestJob({
      store,
      registry: jobs.registry,
      name: 'echo',
      payload: { n: 1 },
      dedupeId,
      dispatcher: 'qstash',
      now: T0,
      publish,
      nudge: () => {
        throw new Error('the local dispatcher is not for QStash jobs');
      },
    });

  it('publishes a new job once, and not again for the same dedupeId', async () => {
    const publish = vi.fn(async () => ({}));
    const { job } = await submit(publish);
    await submit(publish);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith(job);
    expect(job.dispatcher).toBe('qstash');
    // The local dispatcher leaves QStash jobs alone.
    expect(await store.claimDueJobs({ now: T0, limit: 5, leaseMs: 1_000 })).toEqual([]);
  });

  it('keeps the job pending when QStash cannot be reached, and re-sends it later', async () => {
    const { job, created } = await submit(async () => {
      throw new Error('QStash is down');
    });
    expect(created).toBe(true);
    expect((await store.getJob({ id: job.id }))?.state).toBe('pending');

    const publish = vi.fn(async () => ({}));
    // Within the grace period it may still be on its way: left alone.
    expect(
      await republishPendingQStashJobs({ store, now: new Date(T0.getTime() + 10_000), publish }),
    ).toBe(0);
    expect(
      await republishPendingQStashJobs({ store, now: new Date(T0.getTime() + 61_000), publish }),
    ).toBe(1);
    expect(publish).toHaveBeenCalledWith(expect.objectContaining({ id: job.id }));
  });

  it('does not re-send jobs QStash already delivered (it retries those itself) or local ones', async () => {
    const delivered = (await submit(async () => ({}), 'echo:delivered')).job;
    await store.startJobAttempt({ id: delivered.id, now: T0, leaseMs: 1_000 });
    await store.failJobAttempt({ id: delivered.id, error: 'x', retryAt: T0, now: T0 });
    await submitTestJob({
      store,
      registry: jobs.registry,
      name: 'echo',
      payload: { n: 1 },
      dedupeId: 'echo:local',
      dispatcher: 'local',
      now: T0,
      nudge: () => {},
    });
    const publish = vi.fn(async () => ({}));
    expect(
      await republishPendingQStashJobs({ store, now: new Date(T0.getTime() + 3_600_000), publish }),
    ).toBe(0);
  });
});
