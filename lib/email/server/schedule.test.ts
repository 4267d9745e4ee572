import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import { env } from '@/lib/env';

import { digestDelayMs, digestWindowMs, scheduleDigest } from './schedule';

let store: ReturnType<typeof createSqliteStore>;
beforeEach(() => {
  store = createSqliteStore(':memory:');
});
afterEach(async () => store.close());

const pendingDigests = async () =>
  (await store.listJobs({ states: ['pending'], limit: 100 })).filter(
    (j) => j.name === 'email-digest',
  );

describe('scheduleDigest', () => {
  it('waits EMAIL_DIGEST_DELAY_MINUTES', () => {
    expect(digestDelayMs()).toBe(env.EMAIL_DIGEST_DELAY_MINUTES * 60_000);
  });

  it('has a window of EMAIL_DIGEST_EVERY_MINUTES, never shorter than the delay', () => {
    expect(digestWindowMs()).toBe(
      Math.max(env.EMAIL_DIGEST_DELAY_MINUTES, env.EMAIL_DIGEST_EVERY_MINUTES) * 60_000,
    );
    expect(digestWindowMs()).toBe(2 * 3600_000); // the default: at most one digest in 2 hours
  });

  it('queues one job for everything in a window, due at its end', async () => {
    const window = digestWindowMs();
    const start = Math.floor(Date.now() / window) * window; // the start of the current window
    for (const offset of [0, 1_000, 30 * 60_000, window - digestDelayMs() - 1])
      await scheduleDigest({ userId: 'u1', now: new Date(start + offset), store });
    const jobs = await pendingDigests();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      payload: { userId: 'u1' },
      dedupeId: `email-digest:u1:${start / window}`,
      dispatcher: 'local',
    });
    // Due when the window ends (the queue adds the delay to its own clock, a moment later).
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThanOrEqual(start + window - 5_000);
    expect(jobs[0]!.runAt.getTime()).toBeLessThan(start + window + 5_000);
  });

  it('waits the delay when the window’s first notification comes at its very end', async () => {
    const window = digestWindowMs();
    const end = (Math.floor(Date.now() / window) + 1) * window;
    await scheduleDigest({ userId: 'u1', now: new Date(end - 1_000), store });
    const [job] = await pendingDigests();
    expect(job!.runAt.getTime()).toBeGreaterThanOrEqual(end - 1_000 + digestDelayMs() - 5_000);
    expect(job!.runAt.getTime()).toBeLessThan(end - 1_000 + digestDelayMs() + 5_000);
  });

  it('queues another job in the next window, and one per person', async () => {
    const window = digestWindowMs();
    const now = Date.now();
    await scheduleDigest({ userId: 'u1', now: new Date(now), store });
    await scheduleDigest({ userId: 'u1', now: new Date(now + window), store });
    await scheduleDigest({ userId: 'u2', now: new Date(now), store });
    const jobs = await pendingDigests();
    expect(
      jobs.map((j) => j.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([{ userId: 'u1' }, { userId: 'u1' }, { userId: 'u2' }]);
  });

  it('runs a job for a notification from a window already over without waiting again', async () => {
    const createdAt = new Date(Date.now() - digestWindowMs() - 60_000);
    const before = Date.now();
    await scheduleDigest({ userId: 'u1', now: createdAt, store });
    const [job] = await pendingDigests();
    expect(job!.runAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(job!.runAt.getTime()).toBeLessThan(before + 5_000);
  });
});
