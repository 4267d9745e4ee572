import type { FilterQuery } from 'mongoose';
import { z } from 'zod';

import { parseJsonColumn } from '../json-columns';
import type { JobsPort } from '../ports/jobs';
import type { Job } from '../types';
import type { JobDoc, Models } from './models';
import { duplicateKeyField } from './users';

export function toJob(doc: JobDoc): Job {
  return {
    id: doc._id,
    name: doc.name,
    // Whatever JSON the enqueuer gave; the worker's schema checks it when it runs.
    payload: parseJsonColumn(z.unknown(), doc.payload),
    dedupeId: doc.dedupeId,
    dispatcher: doc.dispatcher,
    state: doc.state,
    attempts: doc.attempts ?? 0,
    maxAttempts: doc.maxAttempts,
    runAt: doc.runAt,
    lockedUntil: doc.lockedUntil ?? null,
    lastError: doc.lastError ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    finishedAt: doc.finishedAt ?? null,
    traceparent: doc.traceparent ?? null,
  };
}

/**
 * Local jobs a dispatcher may take at `now`: pending and due, or running past their lease (their
 * process died). QStash delivers its own jobs and they are never claimed here.
 */
export function claimableFilter(now: Date): FilterQuery<JobDoc> {
  return {
    dispatcher: 'local',
    $or: [
      { state: 'pending', runAt: { $lte: now } },
      { state: 'running', lockedUntil: { $lte: now } },
    ],
  };
}

const AFTER = { returnDocument: 'after' } as const;

/** The queue's functions; relayOutbox (the outbox sweeper) is in ./outbox. */
export function jobFunctions({ Job }: Models): Omit<JobsPort, 'relayOutbox'> {
  const byId = async (id: string) => {
    const doc = await Job.findById(id).lean<JobDoc>();
    return doc ? toJob(doc) : null;
  };
  /** Applies `set` to the job when it matches `filter`; otherwise the job as it is (or null). */
  const transition = async (
    id: string,
    filter: FilterQuery<JobDoc>,
    update: Record<string, unknown>,
  ) => {
    const doc = await Job.findOneAndUpdate({ _id: id, ...filter }, update, AFTER).lean<JobDoc>();
    return doc ? toJob(doc) : byId(id);
  };

  return {
    async enqueueJob({ name, payload, dedupeId, dispatcher, runAt, maxAttempts, traceparent }) {
      const now = new Date();
      const doc = new Job({
        name,
        payload: JSON.stringify(payload ?? null),
        dedupeId,
        dispatcher,
        runAt,
        maxAttempts,
        traceparent: traceparent ?? null,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await doc.save();
        return { job: toJob(doc.toObject()), created: true };
      } catch (error) {
        // The unique dedupeId said no: the job is already queued (or ran).
        if (duplicateKeyField(error) !== 'dedupeId') throw error;
        const existing = await Job.findOne({ dedupeId }).lean<JobDoc>();
        if (!existing) throw error;
        return { job: toJob(existing), created: false };
      }
    },

    async getJobByDedupeId({ dedupeId }) {
      const doc = await Job.findOne({ dedupeId }).lean<JobDoc>();
      return doc ? toJob(doc) : null;
    },

    async claimDueJobs({ now, limit, leaseMs }) {
      // One findOneAndUpdate per job: each is atomic, so two dispatchers never take the same
      // job. `$nin` keeps this call from taking back a job it just leased (a zero lease).
      const claimed: Job[] = [];
      while (claimed.length < limit) {
        const doc = await Job.findOneAndUpdate(
          { ...claimableFilter(now), _id: { $nin: claimed.map((job) => job.id) } },
          {
            $set: {
              state: 'running',
              lockedUntil: new Date(now.getTime() + leaseMs),
              updatedAt: now,
            },
            $inc: { attempts: 1 },
          },
          { ...AFTER, sort: { runAt: 1, _id: 1 } },
        ).lean<JobDoc>();
        if (!doc) break;
        claimed.push(toJob(doc));
      }
      return claimed;
    },

    startJobAttempt: ({ id, now, leaseMs }) =>
      transition(
        id,
        { state: { $ne: 'succeeded' } },
        {
          $set: {
            state: 'running',
            lockedUntil: new Date(now.getTime() + leaseMs),
            updatedAt: now,
          },
          $inc: { attempts: 1 },
        },
      ),

    completeJob: ({ id, now }) =>
      transition(
        id,
        { state: 'running' },
        { $set: { state: 'succeeded', lockedUntil: null, updatedAt: now, finishedAt: now } },
      ),

    failJobAttempt: ({ id, error, retryAt, now }) =>
      transition(
        id,
        { state: 'running' },
        {
          $set: {
            lastError: error,
            lockedUntil: null,
            updatedAt: now,
            ...(retryAt
              ? { state: 'pending', runAt: retryAt }
              : { state: 'failed', finishedAt: now }),
          },
        },
      ),

    getJob: ({ id }) => byId(id),

    async listJobs({ states, limit }) {
      // A limit of 0 would mean "no limit" to MongoDB.
      if (states.length === 0 || limit < 1) return [];
      const docs = await Job.find({ state: { $in: states } })
        .sort({ updatedAt: -1, _id: -1 })
        .limit(limit)
        .lean<JobDoc[]>();
      return docs.map(toJob);
    },

    countJobs: ({ state }) => Job.countDocuments({ state }),

    async oldestDueRunAt({ now }) {
      const doc = await Job.findOne({ state: 'pending', runAt: { $lte: now } })
        .sort({ runAt: 1 })
        .select({ runAt: 1 })
        .lean<{ runAt: Date }>();
      return doc?.runAt ?? null;
    },

    retryJob: ({ id, runAt, now }) =>
      transition(
        id,
        { state: 'failed' },
        {
          $set: {
            state: 'pending',
            attempts: 0,
            runAt,
            lockedUntil: null,
            updatedAt: now,
            finishedAt: null,
          },
        },
      ),

    async pruneJobs({ before }) {
      const { deletedCount } = await Job.deleteMany({
        state: 'succeeded',
        finishedAt: { $lt: before },
      });
      return deletedCount;
    },
  };
}
