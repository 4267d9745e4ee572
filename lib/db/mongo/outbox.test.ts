import mongoose from 'mongoose';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import type { NewJob } from '../types';
import { connect } from './connection';
import { createModels, type MessageDoc } from './models';
import { outboxFieldsFor, outboxFunctions } from './outbox';
import { createMongoStore } from './index';

// The schema and the sweeper's queries need no server; crash recovery against a real one runs
// when MONGODB_URI is set (the outbox contract, test/contracts/outbox.ts, runs there too).
const offline = mongoose.createConnection();
const models = createModels(offline);
afterAll(() => offline.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const at = new Date('2030-01-01T00:00:00Z');
const job = (messageId: string): NewJob => ({
  name: 'message-created',
  payload: { messageId },
  dedupeId: `message-created:${messageId}`,
  dispatcher: 'local',
  runAt: at,
  maxAttempts: 5,
});
const message = (patch: Partial<MessageDoc> = {}) =>
  new models.Message({
    conversationId: 'c_1',
    seq: 1,
    authorId: 'u_1',
    kind: 'user',
    body: 'hi',
    clientId: 'k_1',
    ...patch,
  });

describe('the mongo outbox', () => {
  it('stores nothing for a write without jobs, and JSON payloads with the time otherwise', () => {
    expect(outboxFieldsFor([], at)).toEqual({});
    expect(outboxFieldsFor([job('m_1')], at)).toEqual({
      outbox: [{ ...job('m_1'), payload: '{"messageId":"m_1"}', traceparent: null }],
      outboxAt: at,
    });
  });

  it('validates outbox entries with the message they ride on', async () => {
    await expect(message(outboxFieldsFor([job('m_1')], at)).validate()).resolves.toBeUndefined();
    const bad = message({
      ...outboxFieldsFor([{ ...job('m_1'), dispatcher: 'cron' as never, maxAttempts: 0 }], at),
    });
    await expect(bad.validate()).rejects.toThrow(/dispatcher|maxAttempts/);
    // A relayed message has no outbox at all (not an empty one the sweeper would look at).
    expect(message().toObject()).not.toHaveProperty('outbox');
  });

  it('relays a stale entry: writes its jobs under their dedupe ids, then removes it', async () => {
    const find = vi.spyOn(models.Message, 'find').mockReturnValue({
      limit: () => ({
        lean: async () => [{ _id: 'm_9', ...outboxFieldsFor([job('m_9')], at) }],
      }),
    } as never);
    vi.spyOn(models.Call, 'find').mockReturnValue({
      limit: () => ({ lean: async () => [] }),
    } as never);
    const insert = vi.spyOn(models.Job.collection, 'insertOne').mockResolvedValue({} as never);
    const unset = vi.spyOn(models.Message, 'updateOne').mockResolvedValue({} as never);

    const before = new Date(at.getTime() + 30_000);
    expect(await outboxFunctions(models).relayOutbox({ before, limit: 10 })).toBe(1);
    expect(find).toHaveBeenCalledWith({ outboxAt: { $lte: before } }, { outbox: 1 });
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert.mock.calls[0]![0]).toMatchObject({
      name: 'message-created',
      payload: '{"messageId":"m_9"}',
      dedupeId: 'message-created:m_9',
      state: 'pending',
    });
    expect(unset).toHaveBeenCalledWith({ _id: 'm_9' }, { $unset: { outbox: 1, outboxAt: 1 } });
  });
});

const uri = process.env.MONGODB_URI;
describe.skipIf(!uri)('the mongo outbox after a crash (MONGODB_URI)', () => {
  it('relays a message whose process died before the relay, once', async () => {
    const dbName = `parley-test-${Math.random().toString(36).slice(2, 10)}`;
    const store = await createMongoStore({ uri: uri!, dbName });
    const conn = await connect({ uri: uri!, dbName });
    try {
      const { Message } = createModels(conn);
      // What createMessage leaves when the process dies right after saving the message.
      const old = new Date(Date.now() - 60_000);
      await Message.create({
        conversationId: 'c_1',
        seq: 1,
        authorId: 'u_1',
        kind: 'user',
        body: 'orphaned',
        ...outboxFieldsFor([job('m_orphan')], old),
      });
      expect(await store.relayOutbox({ before: new Date(), limit: 10 })).toBe(1);
      expect(await store.getJobByDedupeId({ dedupeId: 'message-created:m_orphan' })).toMatchObject({
        state: 'pending',
        payload: { messageId: 'm_orphan' },
      });
      expect(await store.relayOutbox({ before: new Date(), limit: 10 })).toBe(0);
      expect(await store.listJobs({ states: ['pending'], limit: 10 })).toHaveLength(1);
    } finally {
      await conn.dropDatabase();
      await store.close();
    }
  });
});
