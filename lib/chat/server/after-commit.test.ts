import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Store } from '@/lib/db';
import type { Job, Message } from '@/lib/db/types';

import { afterCommit } from './after-commit';
import type { MessageWire } from '../wire';

const { nudges, published } = vi.hoisted(() => ({
  nudges: { count: 0 },
  published: { release: () => {}, started: 0 },
}));
vi.mock('@/lib/jobs/local-dispatcher', () => ({
  nudgeLocalDispatcher: () => void nudges.count++,
}));
vi.mock('@/lib/realtime/server/publish', () => ({
  publishToConversation: () => {
    published.started++;
    return new Promise<boolean>((resolve) => {
      published.release = () => resolve(true);
    });
  },
}));

afterEach(() => {
  nudges.count = 0;
  published.started = 0;
});

const message = { id: 'm_1', conversationId: 'c_1', seq: 7 } as Message;
const wire = { id: 'm_1' } as MessageWire;
const job = { id: 'job_1', name: 'message-created', dispatcher: 'local' } as Job;
const store = {
  listMemberships: async () => [{ userId: 'u_ana' }, { userId: 'u_ben' }],
} as unknown as Store;

describe('afterCommit', () => {
  it('wakes the local dispatcher only once the new message is live', async () => {
    const done = afterCommit(store, { message, wire, created: true, queued: [job] });
    await vi.waitFor(() => expect(published.started).toBe(1));
    expect(nudges.count).toBe(0);
    published.release();
    await done;
    await vi.waitFor(() => expect(nudges.count).toBe(1));
  });

  it('wakes it at once for a retry, which announces nothing', async () => {
    await afterCommit(store, { message, wire, created: false, queued: [job] });
    await vi.waitFor(() => expect(nudges.count).toBe(1));
    expect(published.started).toBe(0);
  });
});
