import { z } from 'zod';

import { parseJsonColumn } from '../json-columns';
import type { JobsPort } from '../ports/jobs';
import type { Job, NewJob } from '../types';
import { jobFunctions } from './jobs';
import type { Models } from './models';
import type { OutboxEntryDoc, OutboxFields } from './outbox-schema';

/** The outbox fields to store on a document with these follow-up jobs (none: no fields). */
export function outboxFieldsFor(jobs: readonly NewJob[], now: Date): OutboxFields {
  if (jobs.length === 0) return {};
  return {
    outbox: jobs.map((job) => ({
      name: job.name,
      payload: JSON.stringify(job.payload ?? null),
      dedupeId: job.dedupeId,
      dispatcher: job.dispatcher,
      runAt: job.runAt,
      maxAttempts: job.maxAttempts,
      traceparent: job.traceparent ?? null,
    })),
    outboxAt: now,
  };
}

const toNewJob = (entry: OutboxEntryDoc): NewJob => ({
  name: entry.name,
  payload: parseJsonColumn(z.unknown(), entry.payload),
  dedupeId: entry.dedupeId,
  dispatcher: entry.dispatcher,
  runAt: entry.runAt,
  maxAttempts: entry.maxAttempts,
  traceparent: entry.traceparent ?? null,
});

export type Outbox = {
  /**
   * Writes `jobs` to the jobs collection (each unless its dedupe id is taken), then removes the
   * outbox from the document they follow; returns the jobs created. Idempotent: run again (by
   * the sweeper, or a retried send), it creates nothing new.
   */
  relay(owner: 'Message' | 'Call', id: string, jobs: readonly NewJob[]): Promise<Job[]>;
} & Pick<JobsPort, 'relayOutbox'>;

export function outboxFunctions(models: Models): Outbox {
  const { enqueueJob } = jobFunctions(models);
  // Each owner's collection, as the one shape the relay needs.
  const owners = {
    Message: {
      unset: (id: string) =>
        models.Message.updateOne({ _id: id }, { $unset: { outbox: 1, outboxAt: 1 } }),
      stale: (before: Date, limit: number) =>
        models.Message.find({ outboxAt: { $lte: before } }, { outbox: 1 })
          .limit(limit)
          .lean<{ _id: string; outbox?: OutboxEntryDoc[] }[]>(),
    },
    Call: {
      unset: (id: string) =>
        models.Call.updateOne({ _id: id }, { $unset: { outbox: 1, outboxAt: 1 } }),
      stale: (before: Date, limit: number) =>
        models.Call.find({ outboxAt: { $lte: before } }, { outbox: 1 })
          .limit(limit)
          .lean<{ _id: string; outbox?: OutboxEntryDoc[] }[]>(),
    },
  };

  async function relay(owner: keyof typeof owners, id: string, jobs: readonly NewJob[]) {
    const created: Job[] = [];
    for (const job of jobs) {
      const result = await enqueueJob(job);
      if (result.created) created.push(result.job);
    }
    await owners[owner].unset(id);
    return created;
  }

  return {
    relay,
    async relayOutbox({ before, limit }) {
      let relayed = 0;
      for (const owner of ['Message', 'Call'] as const) {
        for (const doc of await owners[owner].stale(before, limit)) {
          await relay(owner, doc._id, (doc.outbox ?? []).map(toNewJob));
          relayed++;
        }
      }
      return relayed;
    },
  };
}
