import type { Job, JobDispatcher, JobState } from '../types';

/** The durable job queue (local dispatcher and QStash bookkeeping). */
export interface JobsPort {
  /**
   * Stores a job unless one with the same dedupeId exists (then returns that one, created:
   * false, unchanged). State pending, attempts 0.
   */
  enqueueJob(input: {
    name: string;
    payload: unknown;
    dedupeId: string;
    dispatcher: JobDispatcher;
    runAt: Date;
    maxAttempts: number;
  }): Promise<{ job: Job; created: boolean }>;
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
  /** A failed job → pending at `runAt` with attempts 0 and its error kept. Else unchanged. */
  retryJob(input: { id: string; runAt: Date; now: Date }): Promise<Job | null>;
  /** Deletes succeeded jobs that finished before `before`; returns how many. */
  pruneJobs(input: { before: Date }): Promise<number>;
}
