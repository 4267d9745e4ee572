import { afterEach, describe, expect, it, vi } from 'vitest';

import { sendMessage } from '@/lib/chat/server/messages';
import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import type { Job } from '@/lib/db/types';

import { jobCatalog } from './catalog';
import { defineJob } from './define';
import { startLocalDispatcher, stopLocalDispatcher } from './local-dispatcher';
import { dispatchQueued, newJob } from './outbox';

const stores: Store[] = [];
afterEach(async () => {
  await stopLocalDispatcher();
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const stored = (over: Partial<Job>): Job => ({
  id: 'job_1',
  name: 'message-created',
  payload: { messageId: 'm_1' },
  dedupeId: 'message-created:m_1',
  dispatcher: 'local',
  state: 'pending',
  attempts: 0,
  maxAttempts: 5,
  runAt: new Date(),
  lockedUntil: null,
  lastError: null,
  traceparent: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  finishedAt: null,
  ...over,
});

describe('dispatchQueued', () => {
  it('wakes the local dispatcher once for local jobs and publishes only QStash ones', async () => {
    const nudge = vi.fn();
    const publish = vi.fn(async () => ({}));
    const q1 = stored({ id: 'job_q1', dispatcher: 'qstash' });
    const q2 = stored({ id: 'job_q2', dispatcher: 'qstash' });
    await dispatchQueued([stored({}), stored({ id: 'job_2' }), q1, q2], { nudge, publish });
    expect(nudge).toHaveBeenCalledTimes(1);
    expect(publish.mock.calls).toEqual([[q1], [q2]]);
  });

  it('does nothing for nothing, and never throws when QStash is down', async () => {
    const nudge = vi.fn();
    await dispatchQueued([], { nudge });
    expect(nudge).not.toHaveBeenCalled();
    const publish = vi.fn(async () => {
      throw new Error('QStash is down');
    });
    const jobs = [stored({ dispatcher: 'qstash' }), stored({ id: 'job_2', dispatcher: 'qstash' })];
    await expect(dispatchQueued(jobs, { nudge, publish })).resolves.toBeUndefined();
    // One failure does not keep the next job from going out.
    expect(publish).toHaveBeenCalledTimes(2);
  });
});

describe('the send path', () => {
  it('runs a new message’s job at once, without waiting for the dispatcher’s poll', async () => {
    const store = createSqliteStore(':memory:');
    stores.push(store);
    const ran: string[] = [];
    const dispatcher = startLocalDispatcher({
      store,
      registry: {
        'message-created': defineJob({
          name: 'message-created',
          payload: jobCatalog['message-created'].payload,
          async run({ messageId }) {
            ran.push(messageId);
          },
        }),
      },
      // Far longer than the test waits: only the wake-up after the commit can run the job.
      pollMs: 600_000,
    });
    const [ana, ben] = await Promise.all(
      ['Ana', 'Ben'].map((name) =>
        store.createUser({
          email: `${name}-${crypto.randomUUID()}@x.dev`,
          name,
          passwordHash: null,
        }),
      ),
    );
    const { conversation } = await store.findOrCreateDirect({
      userIds: [ana!.id, ben!.id],
      createdBy: ana!.id,
    });
    // A pass that finds nothing: the dispatcher now sleeps until its next poll, 10 minutes away.
    await dispatcher.tick();
    const { message } = await sendMessage(store, ana!, conversation.id, {
      body: 'now please',
      clientId: crypto.randomUUID(),
    });
    await expect.poll(() => ran, { timeout: 2_000 }).toEqual([message.id]);
    const job = await store.getJobByDedupeId({ dedupeId: `message-created:${message.id}` });
    expect(job).toMatchObject({ state: 'succeeded', attempts: 1 });
  });

  it('validates the payload against the catalog before anything is written', () => {
    expect(() => newJob('message-created', { messageId: '' }, { dedupeId: 'x' })).toThrow();
  });
});
