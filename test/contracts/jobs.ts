import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';

import { type OpenStore } from './fixtures';
import { jobHelpers } from './job-helpers';

/**
 * The jobs port (lib/db/ports/jobs.ts): the durable queue's dedupe, claims, leases, retries and
 * pruning. Every adapter runs it (test/contracts/index.ts).
 */
export function jobsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: jobs port`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const { t0, at, LEASE, enqueue, claim, ids, running } = jobHelpers(() => store);

    it('stores a pending job with its JSON payload, and reads it back', async () => {
      const payload = {
        messageId: 'm_1',
        to: ['u_a', 'u_b'],
        nested: { n: 1.5, ok: true, x: null },
      };
      const { job, created } = await store.enqueueJob({
        name: 'assistant-reply',
        payload,
        dedupeId: 'assistant:m_1',
        dispatcher: 'qstash',
        runAt: at(5_000),
        maxAttempts: 4,
      });
      expect(created).toBe(true);
      expect(job.id).toMatch(/^job_[a-z0-9]{20}$/);
      expect(job.createdAt).toBeInstanceOf(Date);
      expect(job).toStrictEqual({
        id: job.id,
        name: 'assistant-reply',
        payload,
        dedupeId: 'assistant:m_1',
        dispatcher: 'qstash',
        state: 'pending',
        attempts: 0,
        maxAttempts: 4,
        runAt: at(5_000),
        lockedUntil: null,
        lastError: null,
        createdAt: job.createdAt,
        updatedAt: job.updatedAt,
        finishedAt: null,
        traceparent: null,
      });
      expect(await store.getJob({ id: job.id })).toStrictEqual(job);
    });

    it('keeps the traceparent a job was queued with, so its worker continues that trace', async () => {
      const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      const { job } = await store.enqueueJob({
        name: 'notify-message',
        payload: { messageId: 'm_traced' },
        dedupeId: 'notify:m_traced',
        dispatcher: 'local',
        runAt: at(0),
        maxAttempts: 5,
        traceparent,
      });
      expect(job.traceparent).toBe(traceparent);
      expect((await store.getJob({ id: job.id }))?.traceparent).toBe(traceparent);
    });

    it('keeps one job per dedupeId: a second enqueue returns the first, unchanged', async () => {
      const first = await enqueue({ dedupeId: 'notify:m_1', payload: { v: 1 } });
      const again = await store.enqueueJob({
        name: 'other',
        payload: { v: 2 },
        dedupeId: 'notify:m_1',
        dispatcher: 'qstash',
        runAt: at(99_000),
        maxAttempts: 9,
      });
      expect(again).toStrictEqual({ job: first, created: false });
      // Even once it ran: a dedupeId is spent until the job is pruned.
      const [claimed] = await claim(t0);
      await store.completeJob({ id: claimed!.id, now: at(1) });
      const late = await enqueue({ dedupeId: 'notify:m_1', payload: { v: 3 } });
      expect(late).toMatchObject({ id: first.id, state: 'succeeded', payload: { v: 1 } });
    });

    it('creates one job for concurrent enqueues with the same dedupeId', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          store.enqueueJob({
            name: 'notify-message',
            payload: {},
            dedupeId: 'same',
            dispatcher: 'local',
            runAt: t0,
            maxAttempts: 3,
          }),
        ),
      );
      expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it('claims due jobs oldest runAt first, up to the limit', async () => {
      const middle = await enqueue({ runAt: at(-2_000) });
      const newest = await enqueue({ runAt: at(-1_000) });
      const oldest = await enqueue({ runAt: at(-3_000) });
      expect(ids(await claim(t0, 2))).toEqual([oldest.id, middle.id]);
      expect(ids(await claim(t0, 2))).toEqual([newest.id]);
      expect(await claim(t0, 2)).toEqual([]);
    });

    it('leases a claimed job: running, attempts + 1, lockedUntil now + leaseMs', async () => {
      const job = await enqueue({ runAt: at(-500) });
      const [claimed] = await store.claimDueJobs({ now: t0, limit: 1, leaseMs: 30_000 });
      expect(claimed).toStrictEqual({
        ...job,
        state: 'running',
        attempts: 1,
        lockedUntil: at(30_000),
        updatedAt: t0,
      });
      expect(await store.getJob({ id: job.id })).toStrictEqual(claimed);
    });

    it('never hands the same job to two concurrent claims', async () => {
      const jobs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => enqueue({ runAt: at(-i) })),
      );
      const claims = await Promise.all(Array.from({ length: 6 }, () => claim(t0, 3)));
      const claimed = claims.flatMap(ids);
      expect(claimed).toHaveLength(12);
      expect(new Set(claimed).size).toBe(12);
      expect([...claimed].sort()).toEqual(ids(jobs).sort());
      expect(claims.flat().every((job) => job.attempts === 1)).toBe(true);
    });

    it('reclaims a running job once its lease has expired (its process died)', async () => {
      const job = await running();
      expect(await claim(at(LEASE - 1))).toEqual([]);
      const [again] = await claim(at(LEASE + 1));
      expect(again).toMatchObject({
        id: job.id,
        state: 'running',
        attempts: 2,
        lockedUntil: at(LEASE + 1 + LEASE),
      });
    });

    it('does not claim a job before its runAt', async () => {
      const later = await enqueue({ runAt: at(10_000) });
      expect(await claim(t0)).toEqual([]);
      expect(await store.getJob({ id: later.id })).toStrictEqual(later);
      expect(ids(await claim(at(10_000)))).toEqual([later.id]);
    });

    it('never claims jobs QStash delivers, pending or with an expired lease', async () => {
      const job = await enqueue({ dispatcher: 'qstash', runAt: at(-1_000) });
      expect(await claim(at(1_000_000))).toEqual([]);
      await store.startJobAttempt({ id: job.id, now: t0, leaseMs: LEASE });
      expect(await claim(at(1_000_000))).toEqual([]);
    });

    it('starts attempts of a delivered job, and skips a job that already succeeded', async () => {
      const job = await enqueue({ dispatcher: 'qstash' });
      const first = await store.startJobAttempt({ id: job.id, now: at(10), leaseMs: LEASE });
      expect(first).toStrictEqual({
        ...job,
        state: 'running',
        attempts: 1,
        lockedUntil: at(10 + LEASE),
        updatedAt: at(10),
      });
      // A redelivery while the first attempt is still running (QStash timed out) counts too.
      const second = await store.startJobAttempt({ id: job.id, now: at(20), leaseMs: LEASE });
      expect(second).toMatchObject({ state: 'running', attempts: 2 });
      const done = await store.completeJob({ id: job.id, now: at(30) });
      expect(
        await store.startJobAttempt({ id: job.id, now: at(40), leaseMs: LEASE }),
      ).toStrictEqual(done);
      expect(
        await store.startJobAttempt({ id: 'job_missing', now: t0, leaseMs: LEASE }),
      ).toBeNull();
    });
  });
}
