import { QstashDailyRatelimitError } from '@upstash/qstash';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';
import { startFakeQStash } from '@/test/qstash';

import { jobCatalog } from './catalog';
import { defineJob } from './define';
import { republishPendingQStashJobs } from './enqueue';
import { runJobsInline } from './inline';
import { dispatchQueued, newJob } from './outbox';
import { createQStashClient, publishJob } from './qstash';
import { nextUtcMidnight, noteQStashFailure, qstashQuota, resetQStashQuota } from './qstash-quota';

const quotaError = (reset: string) =>
  new QstashDailyRatelimitError({ limit: '1000', remaining: '0', reset });

describe('the QStash quota state', () => {
  afterEach(resetQStashQuota);

  it('is exhausted from the first refusal until the reset QStash names', () => {
    const now = new Date('2026-12-07T15:00:00Z');
    const reset = String(Date.parse('2026-12-08T00:00:00Z') / 1000);
    expect(noteQStashFailure(new Error('QStash is down'), now)).toBe(false);
    expect(qstashQuota(now)).toEqual({ exhausted: false });
    expect(noteQStashFailure(quotaError(reset), now)).toBe(true);
    expect(qstashQuota(now)).toEqual({
      exhausted: true,
      since: now,
      until: new Date('2026-12-08T00:00:00Z'),
    });
    // A later refusal keeps the first time it happened.
    noteQStashFailure(quotaError(reset), new Date('2026-12-07T16:00:00Z'));
    expect(qstashQuota(now)).toMatchObject({ since: now });
    expect(qstashQuota(new Date('2026-12-08T00:00:00Z'))).toEqual({ exhausted: false });
  });

  it('falls back to the next UTC midnight when the reset is missing or past', () => {
    const now = new Date('2026-12-31T23:30:00Z');
    expect(nextUtcMidnight(now)).toEqual(new Date('2027-01-01T00:00:00Z'));
    noteQStashFailure(quotaError('null'), now);
    expect(qstashQuota(now)).toMatchObject({ until: new Date('2027-01-01T00:00:00Z') });
  });
});

describe('when QStash refuses for its daily quota', () => {
  let fake: Awaited<ReturnType<typeof startFakeQStash>>;
  let store: Store;
  const ran: string[] = [];

  beforeAll(async () => {
    fake = await startFakeQStash();
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    resetQStashQuota();
    runJobsInline(null);
    ran.length = 0;
    fake.answerWith(201);
    fake.requests.length = 0;
    await store.close();
  });

  const publish = (job: Job, now = new Date()) =>
    publishJob({
      job,
      now,
      client: createQStashClient({ token: 'quota-test-token', baseUrl: fake.url }),
      appUrl: 'http://parley.test',
    });

  function setup() {
    store = createSqliteStore(':memory:');
    runJobsInline({
      'email-digest': defineJob({
        name: 'email-digest',
        payload: jobCatalog['email-digest'].payload,
        run: async ({ userId }: { userId: string }) => void ran.push(userId),
      }),
    });
    fake.answerWith(429, {
      'RateLimit-Limit': '1000',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 3600),
    });
  }

  const queue = async (userId: string, delayMs = 0) =>
    (
      await store.enqueueJob(
        newJob(
          'email-digest',
          { userId },
          { dedupeId: `d:${userId}`, dispatcher: 'qstash', delayMs },
        ),
      )
    ).job;

  it('runs a job that is due here instead, and loses none of those queued later', async () => {
    setup();
    const due = await queue('u_now');
    await dispatchQueued([due], { inlineStore: store, publish: (job) => publish(job) });
    await vi.waitFor(async () =>
      expect((await store.getJob({ id: due.id }))?.state).toBe('succeeded'),
    );
    expect(ran).toEqual(['u_now']);
    expect(qstashQuota().exhausted).toBe(true);

    // Now known to be exhausted: a due job runs here without asking QStash; a delayed one waits.
    const asked = fake.requests.length;
    const next = await queue('u_next');
    const later = await queue('u_later', 60_000);
    await dispatchQueued([next, later], { inlineStore: store, publish: (job) => publish(job) });
    await vi.waitFor(async () =>
      expect((await store.getJob({ id: next.id }))?.state).toBe('succeeded'),
    );
    expect(fake.requests.length).toBe(asked);
    expect(await store.getJob({ id: later.id })).toMatchObject({ state: 'pending', attempts: 0 });
    // The sweep sends nothing while the quota is out...
    const sweep = (at: Date) =>
      republishPendingQStashJobs({
        store,
        now: at,
        graceMs: 0,
        publish: (job) => publish(job, at),
      });
    expect(await sweep(new Date(Date.now() + 120_000))).toBe(0);
    // ...and the delayed job once it is back.
    fake.answerWith(201);
    expect(await sweep(new Date(Date.now() + 2 * 3600_000))).toBe(1);
    expect(fake.requests.at(-1)?.body).toContain(later.id);
    expect(ran).toEqual(['u_now', 'u_next']);
  });
});
