import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';

import { createLocalDispatcher, type LocalDispatcher } from './local-dispatcher';
import { createTestJobs, submitTestJob } from '@/test/test-jobs';

const dir = mkdtempSync(path.join(tmpdir(), 'parley-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open: Store[] = [];
const started: LocalDispatcher[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((d) => d.stop()));
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function openStore(file = ':memory:'): Store {
  const store = createSqliteStore(file);
  open.push(store);
  return store;
}

function startDispatcher(opts: Parameters<typeof createLocalDispatcher>[0]) {
  const dispatcher = createLocalDispatcher({ pollMs: 20, ...opts });
  started.push(dispatcher);
  dispatcher.start();
  return dispatcher;
}

const enqueue = (
  store: Store,
  registry: ReturnType<typeof createTestJobs>['registry'],
  name: string,
  payload: unknown,
  dedupeId = crypto.randomUUID(),
) =>
  submitTestJob({ store, registry, name, payload, dedupeId, dispatcher: 'local', nudge: () => {} });

const stateOf = async (store: Store, id: string) => (await store.getJob({ id }))?.state;

describe('local dispatcher', () => {
  it('runs queued jobs, at most `concurrency` at a time', async () => {
    const store = openStore();
    const jobs = createTestJobs();
    const ids: string[] = [];
    for (let n = 0; n < 6; n++)
      ids.push((await enqueue(store, jobs.registry, 'echo', { n, delayMs: 30 })).job.id);
    startDispatcher({ store, registry: jobs.registry, concurrency: 2 });
    await expect
      .poll(async () => Promise.all(ids.map((id) => stateOf(store, id))), { timeout: 5_000 })
      .toEqual(ids.map(() => 'succeeded'));
    expect(
      jobs
        .runsOf('echo')
        .map((c) => (c.payload as { n: number }).n)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5]);
    expect(jobs.maxRunning).toBe(2);
  });

  it('picks up a job soon after a nudge, without waiting for the next poll', async () => {
    const store = openStore();
    const jobs = createTestJobs();
    const dispatcher = startDispatcher({ store, registry: jobs.registry, pollMs: 60_000 });
    await dispatcher.idle();
    const { job } = await enqueue(store, jobs.registry, 'echo', { n: 1 });
    dispatcher.nudge();
    await expect.poll(() => stateOf(store, job.id), { timeout: 2_000 }).toBe('succeeded');
  });

  it('relays outbox entries a crash left behind, at start and then every relayEveryMs', async () => {
    const store = openStore();
    const relay = vi.spyOn(store, 'relayOutbox');
    const at = new Date('2030-01-01T00:00:00Z');
    const dispatcher = startDispatcher({
      store,
      registry: createTestJobs().registry,
      now: () => at,
      relayEveryMs: 60_000,
      relayGraceMs: 30_000,
    });
    await dispatcher.tick();
    await dispatcher.tick();
    expect(relay.mock.calls).toEqual([[{ before: new Date(at.getTime() - 30_000), limit: 100 }]]);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const store = openStore();
    const jobs = createTestJobs();
    const { job } = await enqueue(store, jobs.registry, 'flaky', { failures: 2 });
    startDispatcher({ store, registry: jobs.registry, backoffBaseMs: 5 });
    await expect.poll(() => stateOf(store, job.id), { timeout: 5_000 }).toBe('succeeded');
    expect(jobs.runsOf('flaky').map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(await store.getJob({ id: job.id })).toMatchObject({
      attempts: 3,
      lastError: 'Error: boom #2',
    });
  });

  it('fails a job for good after its maximum attempts, keeping the last error', async () => {
    const store = openStore();
    const jobs = createTestJobs();
    const { job } = await enqueue(store, jobs.registry, 'flaky', { failures: 99 });
    startDispatcher({ store, registry: jobs.registry, backoffBaseMs: 2 });
    await expect.poll(() => stateOf(store, job.id), { timeout: 5_000 }).toBe('failed');
    expect(await store.getJob({ id: job.id })).toMatchObject({
      attempts: 4,
      lastError: 'Error: boom #4',
    });
    expect(jobs.runsOf('flaky')).toHaveLength(4);
  });

  it('runs after a restart the jobs that were queued when the process stopped', async () => {
    const file = path.join(dir, 'restart.db');
    const jobs = createTestJobs();
    const before = createSqliteStore(file);
    const { job } = await enqueue(before, jobs.registry, 'echo', { n: 42 });
    await before.close(); // the process stops before any dispatcher ran it

    const after = openStore(file);
    expect(await stateOf(after, job.id)).toBe('pending');
    startDispatcher({ store: after, registry: jobs.registry });
    await expect.poll(() => stateOf(after, job.id), { timeout: 5_000 }).toBe('succeeded');
    expect(jobs.runsOf('echo')).toEqual([
      { name: 'echo', payload: { n: 42 }, attempt: 1, jobId: job.id },
    ]);
  });

  it('re-runs a job left running by a process that died, once its lease has expired', async () => {
    const file = path.join(dir, 'crash.db');
    const jobs = createTestJobs();
    const crashed = createSqliteStore(file);
    const { job } = await enqueue(crashed, jobs.registry, 'echo', { n: 1 });
    const t0 = new Date();
    const [claimed] = await crashed.claimDueJobs({ now: t0, limit: 1, leaseMs: 60_000 });
    expect(claimed).toMatchObject({ id: job.id, state: 'running', attempts: 1 });
    await crashed.close(); // died mid-attempt

    const store = openStore(file);
    let clock = new Date(t0.getTime() + 1_000);
    const dispatcher = startDispatcher({ store, registry: jobs.registry, now: () => clock });
    // Within the lease it may still be running elsewhere: left alone.
    await dispatcher.tick();
    await dispatcher.idle();
    expect(await stateOf(store, job.id)).toBe('running');
    clock = new Date(t0.getTime() + 61_000);
    await dispatcher.tick();
    await expect.poll(() => stateOf(store, job.id), { timeout: 5_000 }).toBe('succeeded');
    expect(await store.getJob({ id: job.id })).toMatchObject({ attempts: 2 });
    expect(jobs.runsOf('echo')).toHaveLength(1);
  });

  it('waits for running attempts when stopped', async () => {
    const store = openStore();
    const jobs = createTestJobs();
    const { job } = await enqueue(store, jobs.registry, 'echo', { n: 1, delayMs: 150 });
    const dispatcher = createLocalDispatcher({ store, registry: jobs.registry });
    dispatcher.start();
    await expect.poll(() => jobs.runsOf('echo').length).toBe(1);
    await dispatcher.stop();
    expect(await stateOf(store, job.id)).toBe('succeeded');
  });

  it('deletes succeeded jobs a week old, now and then', async () => {
    const store = openStore();
    const jobs = createTestJobs();
    const { job } = await enqueue(store, jobs.registry, 'echo', { n: 1 });
    const dispatcher = createLocalDispatcher({ store, registry: jobs.registry });
    await dispatcher.tick();
    await dispatcher.idle();
    expect(await stateOf(store, job.id)).toBe('succeeded');

    const later = createLocalDispatcher({
      store,
      registry: jobs.registry,
      now: () => new Date(Date.now() + 8 * 86_400_000),
    });
    await later.tick();
    expect(await store.getJob({ id: job.id })).toBeNull();
  });
});
