import { z } from 'zod';

import { newId } from '../ids';
import { parseJsonColumn } from '../json-columns';
import type { JobsPort } from '../ports/jobs';
import type { Job, JobDispatcher, JobState, NewJob } from '../types';
import type { Db } from './connection';

// The CHECK constraints of migration 5 guarantee dispatcher and state hold these values.
type JobRow = {
  id: string;
  name: string;
  payload: string;
  dedupe_id: string;
  dispatcher: JobDispatcher;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  traceparent: string | null;
};

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

// Payloads are whatever JSON the enqueuer gave; the worker's schema checks them when it runs.
const payloadSchema = z.unknown();

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    name: row.name,
    payload: parseJsonColumn(payloadSchema, row.payload),
    dedupeId: row.dedupe_id,
    dispatcher: row.dispatcher,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: new Date(row.run_at),
    lockedUntil: date(row.locked_until),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    finishedAt: date(row.finished_at),
    traceparent: row.traceparent ?? null,
  };
}

/**
 * Writes jobs unless their dedupe id is taken; returns the ones it created. Synchronous, so the
 * write that has these jobs as consequences (a message, a call's end) runs it inside its own
 * transaction: the outbox row is the job row.
 */
export function jobInserter(db: Db): (jobs: readonly NewJob[]) => Job[] {
  const insert = db.prepare<
    [string, string, string, string, JobDispatcher, number, number, number, number, string | null],
    JobRow
  >(
    `INSERT INTO jobs (id, name, payload, dedupe_id, dispatcher, state, max_attempts, run_at,
       created_at, updated_at, traceparent)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)
     ON CONFLICT (dedupe_id) DO NOTHING
     RETURNING *`,
  );
  return (jobs) => {
    const now = Date.now();
    return jobs.flatMap((job) => {
      const row = insert.get(
        newId('job'),
        job.name,
        JSON.stringify(job.payload ?? null),
        job.dedupeId,
        job.dispatcher,
        job.maxAttempts,
        job.runAt.getTime(),
        now,
        now,
        job.traceparent ?? null,
      );
      return row ? [toJob(row)] : [];
    });
  };
}

export function jobFunctions(db: Db): JobsPort {
  const byId = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?');
  const byDedupeId = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE dedupe_id = ?');
  const insertJobs = jobInserter(db);
  // Local jobs that are due: pending and not delayed, or running past their lease (abandoned).
  const due = db.prepare<[number, number, number], { id: string }>(
    `SELECT id FROM jobs
     WHERE dispatcher = 'local'
       AND ((state = 'pending' AND run_at <= ?) OR (state = 'running' AND locked_until <= ?))
     ORDER BY run_at, id LIMIT ?`,
  );
  const lease = db.prepare<[number, number, string], JobRow>(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_until = ?, updated_at = ?
     WHERE id = ? RETURNING *`,
  );
  const start = db.prepare<[number, number, string], JobRow>(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_until = ?, updated_at = ?
     WHERE id = ? AND state != 'succeeded' RETURNING *`,
  );
  const complete = db.prepare<[number, number, string]>(
    `UPDATE jobs SET state = 'succeeded', locked_until = NULL, updated_at = ?, finished_at = ?
     WHERE id = ? AND state = 'running'`,
  );
  // retryAt null: failed for good (finished); otherwise pending again at retryAt.
  const fail = db.prepare<[number | null, number | null, string, number, number | null, string]>(
    `UPDATE jobs SET state = CASE WHEN ? IS NULL THEN 'failed' ELSE 'pending' END,
       run_at = coalesce(?, run_at), last_error = ?, locked_until = NULL, updated_at = ?,
       finished_at = ?
     WHERE id = ? AND state = 'running'`,
  );
  const retry = db.prepare<[number, number, string]>(
    `UPDATE jobs SET state = 'pending', attempts = 0, run_at = ?, locked_until = NULL,
       updated_at = ?, finished_at = NULL
     WHERE id = ? AND state = 'failed'`,
  );
  // json_each keeps it one prepared statement whatever the number of states.
  const recent = db.prepare<[string, number], JobRow>(
    `SELECT * FROM jobs WHERE state IN (SELECT value FROM json_each(?))
     ORDER BY updated_at DESC, id DESC LIMIT ?`,
  );
  const count = db.prepare<[JobState], { n: number }>(
    'SELECT count(*) AS n FROM jobs WHERE state = ?',
  );
  const oldestDue = db.prepare<[number], { at: number | null }>(
    "SELECT min(run_at) AS at FROM jobs WHERE state = 'pending' AND run_at <= ?",
  );
  const prune = db.prepare<[number]>(
    "DELETE FROM jobs WHERE state = 'succeeded' AND finished_at < ?",
  );

  const get = (id: string) => {
    const row = byId.get(id);
    return row ? toJob(row) : null;
  };

  const claim = db.transaction((now: number, limit: number, leaseMs: number): Job[] =>
    due.all(now, now, limit).map(({ id }) => toJob(lease.get(now + leaseMs, now, id)!)),
  );

  return {
    async enqueueJob(input) {
      const [created] = insertJobs([input]);
      return created
        ? { job: created, created: true }
        : { job: toJob(byDedupeId.get(input.dedupeId)!), created: false };
    },

    async getJobByDedupeId({ dedupeId }) {
      const row = byDedupeId.get(dedupeId);
      return row ? toJob(row) : null;
    },

    async relayOutbox() {
      // Jobs are written in the transaction of the write they follow: nothing is left to relay.
      return 0;
    },

    async claimDueJobs({ now, limit, leaseMs }) {
      if (limit <= 0) return [];
      // IMMEDIATE takes the write lock before the select, so a dispatcher in another process
      // waits (busy_timeout) and then sees these jobs leased: no job is claimed twice.
      return claim.immediate(now.getTime(), Math.floor(limit), leaseMs);
    },

    async startJobAttempt({ id, now, leaseMs }) {
      const row = start.get(now.getTime() + leaseMs, now.getTime(), id);
      return row ? toJob(row) : get(id);
    },

    async completeJob({ id, now }) {
      complete.run(now.getTime(), now.getTime(), id);
      return get(id);
    },

    async failJobAttempt({ id, error, retryAt, now }) {
      const at = retryAt?.getTime() ?? null;
      fail.run(at, at, error, now.getTime(), at === null ? now.getTime() : null, id);
      return get(id);
    },

    async getJob({ id }) {
      return get(id);
    },

    async listJobs({ states, limit }) {
      if (states.length === 0 || limit < 1) return [];
      return recent.all(JSON.stringify(states), limit).map(toJob);
    },

    async countJobs({ state }) {
      return count.get(state)?.n ?? 0;
    },

    async oldestDueRunAt({ now }) {
      const at = oldestDue.get(now.getTime())?.at;
      return at == null ? null : new Date(at);
    },

    async retryJob({ id, runAt, now }) {
      retry.run(runAt.getTime(), now.getTime(), id);
      return get(id);
    },

    async pruneJobs({ before }) {
      return prune.run(before.getTime()).changes;
    },
  };
}
