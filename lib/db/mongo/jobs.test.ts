import mongoose from 'mongoose';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { claimableFilter, jobFunctions, toJob } from './jobs';
import { createModels, type JobDoc } from './models';

// Compiled on a connection that never opens: the job schema's rules need no server, and the
// queries are checked at the driver boundary. The adapter's behaviour runs in the contract
// (test/contracts/jobs.ts) when MONGODB_URI is set.
const offline = mongoose.createConnection();
const models = createModels(offline);
const { Job } = models;
afterAll(() => offline.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const valid = () => ({
  name: 'notify-message',
  payload: '{"messageId":"m_1"}',
  dedupeId: 'notify:m_1',
  dispatcher: 'local',
  runAt: new Date('2030-01-01T00:00:00Z'),
  maxAttempts: 5,
});

/** The fields `validate()` rejects. */
const errorsOf = (doc: { validate(): Promise<void> }) =>
  doc.validate().then(
    () => [],
    (error: { errors?: object }) => Object.keys(error.errors ?? {}).sort(),
  );

describe('mongo job schema', () => {
  it('declares the dedupe, polling and listing indexes', () => {
    const indexes = Job.schema.indexes() as [Record<string, unknown>, Record<string, unknown>][];
    expect(indexes).toEqual([
      [{ dedupeId: 1 }, expect.objectContaining({ unique: true })],
      [{ state: 1, runAt: 1 }, expect.not.objectContaining({ unique: true })],
      [{ state: 1, updatedAt: -1, _id: -1 }, expect.not.objectContaining({ unique: true })],
    ]);
  });

  it('accepts a job with a prefixed id and defaults, and maps it to the store record', async () => {
    const doc = new Job(valid());
    expect(await errorsOf(doc)).toEqual([]);
    expect(doc._id).toMatch(/^job_[a-z0-9]{20}$/);
    expect(toJob(doc.toObject())).toStrictEqual({
      id: doc._id,
      name: 'notify-message',
      payload: { messageId: 'm_1' },
      dedupeId: 'notify:m_1',
      dispatcher: 'local',
      state: 'pending',
      attempts: 0,
      maxAttempts: 5,
      runAt: new Date('2030-01-01T00:00:00Z'),
      lockedUntil: null,
      lastError: null,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      finishedAt: null,
      traceparent: null,
    });
  });

  it.each([
    ['an unknown dispatcher', { dispatcher: 'cron' }, ['dispatcher']],
    ['an unknown state', { state: 'paused' }, ['state']],
    ['no attempts allowed', { maxAttempts: 0 }, ['maxAttempts']],
    ['negative attempts', { attempts: -1 }, ['attempts']],
    ['a payload that is not JSON text', { payload: '{nope' }, ['payload']],
    ['no runAt', { runAt: undefined }, ['runAt']],
    ['no dedupeId or name', { dedupeId: undefined, name: '' }, ['dedupeId', 'name']],
  ])('rejects a job with %s', async (_label, patch, fields) => {
    expect(await errorsOf(new Job({ ...valid(), ...patch }))).toEqual(fields);
  });

  it('claims only local jobs: pending and due, or running past their lease', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(Job.find(claimableFilter(now)).cast()).toEqual({
      dispatcher: 'local',
      $or: [
        { state: 'pending', runAt: { $lte: now } },
        { state: 'running', lockedUntil: { $lte: now } },
      ],
    });
  });
});

describe('mongo job queries', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const stored = (id: string, patch: Partial<JobDoc> = {}): JobDoc => ({
    ...valid(),
    _id: id,
    dispatcher: 'local',
    state: 'running',
    attempts: 1,
    lockedUntil: new Date(now.getTime() + 1_000),
    lastError: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    ...patch,
  });

  it('claims one job per atomic findOneAndUpdate, oldest first, until none is left', async () => {
    const driver = vi
      .spyOn(Job.collection, 'findOneAndUpdate')
      .mockResolvedValueOnce(stored('job_1') as never)
      .mockResolvedValueOnce(stored('job_2') as never)
      .mockResolvedValueOnce(null);
    const claimed = await jobFunctions(models).claimDueJobs({ now, limit: 5, leaseMs: 1_000 });
    expect(claimed.map((job) => job.id)).toEqual(['job_1', 'job_2']);
    expect(driver).toHaveBeenCalledTimes(3);
    const [filter, update, options] = driver.mock.calls[2]! as unknown[];
    expect(filter).toEqual({ ...claimableFilter(now), _id: { $nin: ['job_1', 'job_2'] } });
    expect(update).toEqual({
      $set: { state: 'running', lockedUntil: new Date(now.getTime() + 1_000), updatedAt: now },
      $inc: { attempts: 1 },
    });
    expect(options).toEqual(
      expect.objectContaining({ sort: { runAt: 1, _id: 1 }, returnDocument: 'after' }),
    );
  });

  it('stops claiming at the limit', async () => {
    const driver = vi
      .spyOn(Job.collection, 'findOneAndUpdate')
      .mockResolvedValue(stored('job_1') as never);
    expect(await jobFunctions(models).claimDueJobs({ now, limit: 1, leaseMs: 1 })).toHaveLength(1);
    expect(await jobFunctions(models).claimDueJobs({ now, limit: 0, leaseMs: 1 })).toEqual([]);
    expect(driver).toHaveBeenCalledTimes(1);
  });

  it('answers a duplicate dedupeId with the stored job', async () => {
    const first = stored('job_first', { state: 'pending', attempts: 0, lockedUntil: null });
    vi.spyOn(Job.collection, 'insertOne').mockRejectedValue(
      Object.assign(new Error('E11000 duplicate key'), {
        code: 11000,
        keyPattern: { dedupeId: 1 },
      }),
    );
    const find = vi.spyOn(Job.collection, 'findOne').mockResolvedValue(first);
    const result = await jobFunctions(models).enqueueJob({
      name: 'other',
      payload: { v: 2 },
      dedupeId: 'notify:m_1',
      dispatcher: 'qstash',
      runAt: now,
      maxAttempts: 2,
    });
    expect(result).toStrictEqual({ job: toJob(first), created: false });
    expect(find).toHaveBeenCalledWith({ dedupeId: 'notify:m_1' }, expect.anything());
  });
});
