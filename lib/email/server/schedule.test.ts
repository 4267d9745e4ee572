import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import { env } from '@/lib/env';

import { digestDelayMs, scheduleDigest } from './schedule';

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

  it('queues one job for a burst of notifications in the same window', async () => {
    const delay = digestDelayMs();
    const start = Math.floor(Date.now() / delay) * delay; // the start of the current window
    for (const offset of [0, 1_000, 30_000, delay - 1])
      await scheduleDigest({ userId: 'u1', now: new Date(start + offset), store });
    const jobs = await pendingDigests();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      payload: { userId: 'u1' },
      dedupeId: `email-digest:u1:${start / delay}`,
      dispatcher: 'local',
    });
    // Due when the first notification of the burst has waited the delay (the queue adds the
    // delay to its own clock, a moment later).
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThanOrEqual(start + delay);
    expect(jobs[0]!.runAt.getTime()).toBeLessThan(start + delay + 5_000);
  });

  it('queues another job in the next window, and one per person', async () => {
    const delay = digestDelayMs();
    const now = Date.now();
    await scheduleDigest({ userId: 'u1', now: new Date(now), store });
    await scheduleDigest({ userId: 'u1', now: new Date(now + delay), store });
    await scheduleDigest({ userId: 'u2', now: new Date(now), store });
    const jobs = await pendingDigests();
    expect(
      jobs.map((j) => j.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([{ userId: 'u1' }, { userId: 'u1' }, { userId: 'u2' }]);
  });

  it('runs a job for an old notification without waiting a full delay again', async () => {
    const delay = digestDelayMs();
    const createdAt = new Date(Date.now() - delay - 60_000);
    const before = Date.now();
    await scheduleDigest({ userId: 'u1', now: createdAt, store });
    const [job] = await pendingDigests();
    expect(job!.runAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(job!.runAt.getTime()).toBeLessThan(before + 5_000);
  });
});
