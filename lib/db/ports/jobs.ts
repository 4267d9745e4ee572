import type { Job, JobState, NewJob } from '../types';

/** The durable job queue (local dispatcher and QStash bookkeeping). */
export interface JobsPort {
  /**
   * Stores a job unless one with the same dedupeId exists (then returns that one, created:
   * false, unchanged). State pending, attempts 0.
   */
  enqueueJob(input: NewJob): Promise<{ job: Job; created: boolean }>;
  getJobByDedupeId(input: { dedupeId: string }): Promise<Job | null>;
  /**
   * Writes the jobs of outbox entries older than `before` that were never relayed (their
   * process died between the write and the relay), and marks them relayed; returns how many
   * entries it relayed. SQLite writes jobs in the write's transaction, so it has none. Safe to
   * run anywhere at any time: jobs are written under their dedupe ids.
   */
  relayOutbox(input: { before: Date; limit: number }): Promise<number>;
  /**
   * Atomically takes up to `limit` local jobs that are due: pending with runAt <= now, or running
   * with an expired lease (their process died). Each becomes running, attempts + 1, lockedUntil
   * now + leaseMs. Oldest runAt first. Two dispatchers never claim the same job.
   */
  claimDueJobs(input: { now: Date; limit: number; leaseMs: number }): Promise<Job[]>;
  /**
   * Starts one attempt of a job delivered from outside (QStash): running, attempts + 1, leased.
   * A job already succeeded comes back unchanged (the caller skips it). Null for unknown ids.
   */
  startJobAttempt(input: { id: string; now: Date; leaseMs: number }): Promise<Job | null>;
  /** running → succeeded. */
  completeJob(input: { id: string; now: Date }): Promise<Job | null>;
  /** An attempt failed: back to pending at `retryAt`, or (retryAt null) failed for good. */
  failJobAttempt(input: {
    id: string;
    error: string;
    retryAt: Date | null;
    now: Date;
  }): Promise<Job | null>;
  getJob(input: { id: string }): Promise<Job | null>;
  /** Jobs in these states, newest first (updatedAt, then id). */
  listJobs(input: { states: JobState[]; limit: number }): Promise<Job[]>;
  countJobs(input: { state: JobState }): Promise<number>;
  /** When the oldest pending job that is due (runAt <= now) became due; null when none is. */
  oldestDueRunAt(input: { now: Date }): Promise<Date | null>;
  /** A failed job → pending at `runAt` with attempts 0 and its error kept. Else unchanged. */
  retryJob(input: { id: string; runAt: Date; now: Date }): Promise<Job | null>;
  /** Deletes succeeded jobs that finished before `before`; returns how many. */
  pruneJobs(input: { before: Date }): Promise<number>;
}
