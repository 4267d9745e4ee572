import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';
import type { Message, NewJob } from '@/lib/db/types';

import { type OpenStore } from './fixtures';

/**
 * The outbox (lib/db/ports/messages.ts createMessage `jobs`, ports/calls.ts endCall `jobs`,
 * ports/jobs.ts relayOutbox): a write with consequences (a message, a call's end) stores its
 * follow-up jobs with it, and a retried write re-creates one that went missing, under the same
 * dedupe id. Every adapter runs it (test/contracts/index.ts); jobs are global, so each case gets
 * a fresh, empty store from `open`.
 */
export function outboxContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: outbox`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    const followUp = (message: Pick<Message, 'id'>): NewJob => ({
      name: 'message-created',
      payload: { messageId: message.id },
      dedupeId: `message-created:${message.id}`,
      dispatcher: 'local',
      runAt: t0,
      maxAttempts: 5,
    });
    const jobs = (message: Message) => [followUp(message)];
    const direct = async () => {
      const [a, b] = await Promise.all(
        ['A', 'B'].map((n) =>
          store.createUser({
            email: `${crypto.randomUUID()}@example.com`,
            name: n,
            passwordHash: null,
          }),
        ),
      );
      const { conversation } = await store.findOrCreateDirect({
        userIds: [a!.id, b!.id],
        createdBy: a!.id,
      });
      return { authorId: a!.id, conversationId: conversation.id };
    };
    const pending = () => store.listJobs({ states: ['pending'], limit: 100 });
    /** Runs and prunes a job: gone from the store, as if it never was written. */
    const lose = async (id: string) => {
      await store.startJobAttempt({ id, now: t0, leaseMs: 1_000 });
      await store.completeJob({ id, now: t0 });
      await store.pruneJobs({ before: new Date(t0.getTime() + 1) });
    };

    it('writes a message and its follow-up job together', async () => {
      const { authorId, conversationId } = await direct();
      const { message, created, queued } = await store.createMessage({
        conversationId,
        authorId,
        body: 'hello',
        clientId: 'c-1',
        jobs,
      });
      expect(created).toBe(true);
      expect(queued).toHaveLength(1);
      expect(queued[0]).toMatchObject({
        name: 'message-created',
        payload: { messageId: message.id },
        dedupeId: `message-created:${message.id}`,
        dispatcher: 'local',
        state: 'pending',
        attempts: 0,
        maxAttempts: 5,
        runAt: t0,
      });
      expect(await pending()).toEqual(queued);
      expect(await store.getJobByDedupeId({ dedupeId: `message-created:${message.id}` })).toEqual(
        queued[0],
      );
    });

    it('stores neither the message nor a job when writing the jobs fails', async () => {
      const { authorId, conversationId } = await direct();
      await expect(
        store.createMessage({
          conversationId,
          authorId,
          body: 'lost together',
          clientId: 'c-fail',
          jobs: () => {
            throw new Error('no outbox');
          },
        }),
      ).rejects.toThrow('no outbox');
      expect((await store.listMessages({ conversationId, limit: 10 })).messages).toEqual([]);
      expect(await pending()).toEqual([]);
    });

    it('answers a retry without a new job while the first one exists', async () => {
      const { authorId, conversationId } = await direct();
      const input = { conversationId, authorId, body: 'once', clientId: 'c-2', jobs };
      const first = await store.createMessage(input);
      const retry = await store.createMessage(input);
      expect(retry).toEqual({ message: first.message, created: false, queued: [] });
      expect(await pending()).toEqual(first.queued);
    });

    it('re-creates a retried write’s missing job under the same dedupe id', async () => {
      const { authorId, conversationId } = await direct();
      const input = { conversationId, authorId, body: 'again', clientId: 'c-3', jobs };
      const first = await store.createMessage(input);
      await lose(first.queued[0]!.id);
      expect(await pending()).toEqual([]);

      const retry = await store.createMessage(input);
      expect(retry.created).toBe(false);
      expect(retry.message.id).toBe(first.message.id);
      expect(retry.queued).toHaveLength(1);
      expect(retry.queued[0]).toMatchObject({
        dedupeId: `message-created:${first.message.id}`,
        state: 'pending',
        attempts: 0,
      });
      expect(retry.queued[0]!.id).not.toBe(first.queued[0]!.id);
      expect(await pending()).toEqual(retry.queued);
    });

    it('never writes a job twice under one dedupe id, whichever write brings it', async () => {
      const { authorId, conversationId } = await direct();
      const first = await store.createMessage({ conversationId, authorId, body: '1', jobs });
      // Another message naming the same follow-up (say, a buggy caller): the first job stands.
      const second = await store.createMessage({
        conversationId,
        authorId,
        body: '2',
        jobs: () => [followUp(first.message)],
      });
      expect(second.created).toBe(true);
      expect(second.queued).toEqual([]);
      const enqueued = await store.enqueueJob(followUp(first.message));
      expect(enqueued).toEqual({ job: first.queued[0], created: false });
      expect(await pending()).toEqual(first.queued);
    });

    it('writes a call’s jobs with the end that counts, and only with it', async () => {
      const { authorId, conversationId } = await direct();
      const { call } = await store.createCall({
        conversationId,
        startedBy: authorId,
        kind: 'audio',
      });
      const missed: NewJob = {
        name: 'notify-call',
        payload: { callId: call.id },
        dedupeId: `notify-call:${call.id}`,
        dispatcher: 'local',
        runAt: t0,
        maxAttempts: 5,
      };
      // A stale decision (the call is not active) lands nothing, jobs included.
      const stale = await store.endCall({
        id: call.id,
        outcome: 'completed',
        state: 'active',
        jobs: [missed],
      });
      expect(stale).toMatchObject({ ended: false, queued: [] });
      expect(await pending()).toEqual([]);

      const ended = await store.endCall({
        id: call.id,
        outcome: 'missed',
        state: 'ringing',
        jobs: [missed],
      });
      expect(ended).toMatchObject({ ended: true, call: { outcome: 'missed' } });
      expect(ended!.queued).toHaveLength(1);
      expect(ended!.queued[0]).toMatchObject({ name: 'notify-call', payload: { callId: call.id } });
      const again = await store.endCall({ id: call.id, outcome: 'missed', jobs: [missed] });
      expect(again).toMatchObject({ ended: false, queued: [] });
      expect(await pending()).toEqual(ended!.queued);
    });

    it('leaves nothing for the sweeper after writes that completed', async () => {
      const { authorId, conversationId } = await direct();
      await store.createMessage({ conversationId, authorId, body: 'relayed', jobs });
      const later = new Date(Date.now() + 60_000);
      expect(await store.relayOutbox({ before: later, limit: 100 })).toBe(0);
      expect(await pending()).toHaveLength(1);
    });
  });
}
