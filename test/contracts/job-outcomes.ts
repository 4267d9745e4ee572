import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';

import { type OpenStore } from './fixtures';
import { jobHelpers } from './job-helpers';

/**
 * The jobs port (lib/db/ports/jobs.ts), part 2: what becomes of a claimed job (complete, fail,
 * retry), listing and counting, and pruning. Every adapter runs it (test/contracts/index.ts);
 * part 1 (dedupe, claims, leases) is test/contracts/jobs.ts.
 */
export function jobOutcomesContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: jobs port, outcomes`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const { t0, at, LEASE, enqueue, claim, ids, running } = jobHelpers(() => store);

    it('completes a running job: succeeded, finishedAt now, lease cleared', async () => {
      const job = await running();
      const done = await store.completeJob({ id: job.id, now: at(500) });
      expect(done).toStrictEqual({
        ...job,
        state: 'succeeded',
        lockedUntil: null,
        updatedAt: at(500),
        finishedAt: at(500),
      });
      expect(await claim(at(LEASE * 10))).toEqual([]);
    });

    it('puts a failed attempt back to pending at retryAt, with its error', async () => {
      const job = await running();
      const failed = await store.failJobAttempt({
        id: job.id,
        error: 'SMTP timeout',
        retryAt: at(30_000),
        now: at(100),
      });
      expect(failed).toStrictEqual({
        ...job,
        state: 'pending',
        runAt: at(30_000),
        lockedUntil: null,
        lastError: 'SMTP timeout',
        updatedAt: at(100),
      });
      expect(await claim(at(29_999))).toEqual([]);
      const [again] = await claim(at(30_000));
      expect(again).toMatchObject({ id: job.id, attempts: 2, lastError: 'SMTP timeout' });
    });

    it('fails a job for good when there is no retryAt', async () => {
      const job = await running();
      const failed = await store.failJobAttempt({
        id: job.id,
        error: 'payload: expected string',
        retryAt: null,
        now: at(100),
      });
      expect(failed).toStrictEqual({
        ...job,
        state: 'failed',
        lockedUntil: null,
        lastError: 'payload: expected string',
        updatedAt: at(100),
        finishedAt: at(100),
      });
      expect(await claim(at(LEASE * 10))).toEqual([]);
    });

    it('changes only running jobs on complete and fail: a late report undoes nothing', async () => {
      const job = await running();
      const done = await store.completeJob({ id: job.id, now: at(100) });
      const late = { id: job.id, error: 'late', now: at(200) };
      expect(await store.failJobAttempt({ ...late, retryAt: null })).toStrictEqual(done);
      expect(await store.failJobAttempt({ ...late, retryAt: at(300) })).toStrictEqual(done);
      const pending = await enqueue();
      expect(await store.completeJob({ id: pending.id, now: at(100) })).toStrictEqual(pending);
      expect(await store.completeJob({ id: 'job_missing', now: t0 })).toBeNull();
      expect(
        await store.failJobAttempt({ id: 'job_missing', error: 'x', retryAt: null, now: t0 }),
      ).toBeNull();
    });

    it('retries only a failed job: pending at runAt, attempts 0, error kept', async () => {
      const job = await running();
      const failed = await store.failJobAttempt({
        id: job.id,
        error: 'boom',
        retryAt: null,
        now: at(100),
      });
      const retried = await store.retryJob({ id: job.id, runAt: at(1_000), now: at(200) });
      expect(retried).toStrictEqual({
        ...failed!,
        state: 'pending',
        attempts: 0,
        runAt: at(1_000),
        updatedAt: at(200),
        finishedAt: null,
      });
      expect(await store.retryJob({ id: job.id, runAt: at(5_000), now: at(300) })).toStrictEqual(
        retried,
      );
      const [claimed] = await claim(at(1_000));
      expect(claimed).toMatchObject({ id: job.id, attempts: 1, lastError: 'boom' });
      expect(await store.retryJob({ id: 'job_missing', runAt: t0, now: t0 })).toBeNull();
    });

    it('lists jobs by state, most recently updated first, and counts them', async () => {
      const [a, b, c] = await Promise.all([enqueue(), enqueue(), enqueue()]);
      await enqueue({ runAt: at(5_000) }); // stays pending
      for (const job of [a, b, c])
        await store.startJobAttempt({ id: job.id, now: at(1), leaseMs: LEASE });
      await store.completeJob({ id: b.id, now: at(300) });
      await store.failJobAttempt({ id: a.id, error: 'x', retryAt: null, now: at(200) });
      await store.completeJob({ id: c.id, now: at(100) });

      expect(ids(await store.listJobs({ states: ['succeeded', 'failed'], limit: 10 }))).toEqual([
        b.id,
        a.id,
        c.id,
      ]);
      expect(ids(await store.listJobs({ states: ['succeeded', 'failed'], limit: 2 }))).toEqual([
        b.id,
        a.id,
      ]);
      expect(ids(await store.listJobs({ states: ['succeeded'], limit: 10 }))).toEqual([b.id, c.id]);
      expect(await store.listJobs({ states: ['running'], limit: 10 })).toEqual([]);
      expect(await store.countJobs({ state: 'pending' })).toBe(1);
      expect(await store.countJobs({ state: 'running' })).toBe(0);
      expect(await store.countJobs({ state: 'succeeded' })).toBe(2);
      expect(await store.countJobs({ state: 'failed' })).toBe(1);
    });

    it('tells when the oldest due pending job became due (running and future ones do not count)', async () => {
      expect(await store.oldestDueRunAt({ now: at(10_000) })).toBeNull();
      const running = await enqueue({ runAt: at(100) });
      await store.startJobAttempt({ id: running.id, now: at(150), leaseMs: LEASE });
      await enqueue({ runAt: at(2_000) });
      await enqueue({ runAt: at(1_000) });
      await enqueue({ runAt: at(50_000) }); // not due yet
      expect(await store.oldestDueRunAt({ now: at(10_000) })).toEqual(at(1_000));
      expect(await store.oldestDueRunAt({ now: at(500) })).toBeNull();
    });

    it('prunes only succeeded jobs that finished before the cutoff', async () => {
      const [old, recent, failed] = await Promise.all([enqueue(), enqueue(), enqueue()]);
      const pending = await enqueue({ runAt: at(5_000) });
      for (const job of [old, recent, failed])
        await store.startJobAttempt({ id: job.id, now: t0, leaseMs: LEASE });
      await store.completeJob({ id: old.id, now: at(100) });
      await store.completeJob({ id: recent.id, now: at(1_000) });
      await store.failJobAttempt({ id: failed.id, error: 'x', retryAt: null, now: at(100) });

      expect(await store.pruneJobs({ before: at(1_000) })).toBe(1);
      expect(await store.getJob({ id: old.id })).toBeNull();
      expect(await store.getJob({ id: recent.id })).toMatchObject({ state: 'succeeded' });
      expect(await store.getJob({ id: failed.id })).toMatchObject({ state: 'failed' });
      expect(await store.getJob({ id: pending.id })).toStrictEqual(pending);
      expect(await store.pruneJobs({ before: at(1_000) })).toBe(0);
      // Its dedupeId is free again.
      const fresh = await store.enqueueJob({
        name: old.name,
        payload: {},
        dedupeId: old.dedupeId,
        dispatcher: 'local',
        runAt: t0,
        maxAttempts: 1,
      });
      expect(fresh.created).toBe(true);
    });
  });
}
