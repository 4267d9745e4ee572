import { afterEach, describe, expect, it, vi } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';

import { jobCatalog } from './catalog';
import { defineJob } from './define';
import { republishPendingQStashJobs } from './enqueue';
import { runJobsInline, runsInline } from './inline';
import { dispatchQueued, newJob } from './outbox';
import type { JobRegistry } from './registry';

const stores: Store[] = [];
afterEach(async () => {
  runJobsInline(null);
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function setup(run: (payload: { messageId: string }) => Promise<void>) {
  const store = createSqliteStore(':memory:');
  stores.push(store);
  const ran: string[] = [];
  const registry: JobRegistry = {
    'message-created': defineJob({
      name: 'message-created',
      payload: jobCatalog['message-created'].payload,
      maxAttempts: 5,
      timeoutMs: 5_000,
      run: async (payload: { messageId: string }) => {
        ran.push(payload.messageId);
        await run(payload);
      },
    }),
  };
  const publish = vi.fn(async (_job: Job) => ({}));
  const queue = async (name: 'message-created' | 'email-digest', delayMs = 0) => {
    const job =
      name === 'message-created'
        ? newJob(name, { messageId: 'm_1' }, { dedupeId: 'mc:m_1', dispatcher: 'qstash' })
        : newJob(
            name,
            { userId: 'u_1' },
            { dedupeId: 'digest:u_1', dispatcher: 'qstash', delayMs },
          );
    return (await store.enqueueJob(job)).job;
  };
  return { store, registry, ran, publish, queue };
}

/** dispatchQueued runs inline work after the response: outside a request, at once (not awaited). */
const settled = async (store: Store, id: string, state: Job['state']) =>
  vi.waitFor(async () => expect((await store.getJob({ id }))?.state).toBe(state));

describe('jobs that run inline with QStash (lib/jobs/inline.ts)', () => {
  it('runs a due inline job here after the response, and publishes nothing', async () => {
    const { store, registry, ran, publish, queue } = await setup(async () => {});
    runJobsInline(registry);
    const job = await queue('message-created');
    await dispatchQueued([job], { inlineStore: store, publish });
    await settled(store, job.id, 'succeeded');
    expect(ran).toEqual(['m_1']);
    expect(publish).not.toHaveBeenCalled();
  });

  it('publishes delayed jobs, jobs the catalog keeps out, and everything without a registry', async () => {
    const { store, registry, publish, queue } = await setup(async () => {});
    const immediate = await queue('message-created');
    expect(runsInline(immediate)).toBe(false); // no registry: published, as before
    runJobsInline(registry);
    expect(runsInline(immediate)).toBe(true);
    const digest = await queue('email-digest', 600_000);
    expect(runsInline(digest)).toBe(false);
    expect(runsInline({ name: 'email-digest', runAt: new Date() })).toBe(false); // not inline
    await dispatchQueued([digest], { inlineStore: store, publish });
    expect(publish).toHaveBeenCalledWith(digest);
  });

  it('hands a failed attempt to QStash at its retry time, and QStash retries it', async () => {
    const { store, registry, publish, queue } = await setup(async () => {
      throw new Error('push service down');
    });
    runJobsInline(registry);
    const job = await queue('message-created');
    await dispatchQueued([job], { inlineStore: store, publish });
    await vi.waitFor(() => expect(publish).toHaveBeenCalledTimes(1));
    const handed = publish.mock.calls[0]![0];
    expect(handed.id).toBe(job.id);
    expect(handed.runAt.getTime()).toBeGreaterThan(Date.now());
    const stored = await store.getJob({ id: job.id });
    expect(stored).toMatchObject({ state: 'pending', attempts: 1 });
    expect(stored?.lastError).toMatch(/push service down/);
  });

  it('is handed to QStash by the sweep when the process running it died (lease ran out)', async () => {
    const { store, publish, queue } = await setup(async () => {});
    const job = await queue('message-created');
    const now = new Date();
    // What a process that died mid-attempt leaves behind: running, leased for 35 s.
    await store.startJobAttempt({ id: job.id, now, leaseMs: 35_000 });
    const sweep = (at: number) =>
      republishPendingQStashJobs({ store, now: new Date(at), graceMs: 60_000, publish });
    expect(await sweep(now.getTime() + 30_000)).toBe(0); // still leased
    expect(await sweep(now.getTime() + 35_000 + 60_000)).toBe(1);
    expect(publish.mock.calls[0]![0].id).toBe(job.id);
  });
});
