/** Records the store returns for jobs (the outbox), and the daily activity figures. */

/**
 * pending → running → succeeded; a failed attempt goes back to pending (runAt later) until
 * maxAttempts, then failed. A payload that fails its schema is failed at once (`permanent`).
 */
export type JobState = 'pending' | 'running' | 'succeeded' | 'failed';
/** Who delivers the job: the in-process dispatcher over the store, or QStash over HTTP. */
export type JobDispatcher = 'local' | 'qstash';

export type Job = {
  id: string;
  /** Its entry in lib/jobs/catalog.ts (`message-created`, `assistant-reply`, ...). */
  name: string;
  /** JSON, validated against the catalog's schema when queued and again when it runs. */
  payload: unknown;
  /** At most one job per dedupeId, ever (until pruned): enqueueing twice is a no-op. */
  dedupeId: string;
  dispatcher: JobDispatcher;
  state: JobState;
  /** Attempts started so far (a crash mid-attempt counts as one). */
  attempts: number;
  maxAttempts: number;
  /** Not before this time (a delay, or the backoff after a failed attempt). */
  runAt: Date;
  /** While running: the lease. Past it the job counts as abandoned (its process died). */
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /** The W3C traceparent of the work that queued it: the worker continues that trace. */
  traceparent: string | null;
};

/** One UTC day of people's messages (`day` as YYYY-MM-DD): how many, and by how many people. */
/** One UTC day of people's messages (the assistant's replies counted apart), for operations. */
export type DailyActivity = { day: string; messages: number; people: number; aiReplies: number };
/** One UTC day of calls: how many started, and the minutes of those answered. */
export type DailyCalls = { day: string; calls: number; callMinutes: number };

/**
 * A job to write: what `enqueueJob` stores, and what a write with consequences (a message, a
 * missed call) stores in its own transaction (the outbox). Built and validated by lib/jobs
 * (`newJob`), which knows the catalog; the store only writes it.
 */
export type NewJob = {
  name: string;
  payload: unknown;
  dedupeId: string;
  dispatcher: JobDispatcher;
  runAt: Date;
  maxAttempts: number;
  /** The trace the job continues (see Job.traceparent); absent or null outside traced work. */
  traceparent?: string | null;
};
