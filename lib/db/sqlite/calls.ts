import { newId } from '../ids';
import { parseJsonColumn, stringListSchema } from '../json-columns';
import type { CallsPort } from '../ports/calls';
import type { Call, CallKind, CallOutcome, CallState } from '../types';
import { isUniqueViolation, type Db } from './connection';
import { jobInserter } from './jobs';

// The CHECK constraints of migration 4 guarantee kind, state and outcome hold these values.
type CallRow = {
  id: string;
  conversation_id: string;
  started_by: string;
  kind: CallKind;
  state: CallState;
  outcome: CallOutcome | null;
  participants: string;
  declined_by: string;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
};

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toCall(row: CallRow): Call {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    startedBy: row.started_by,
    kind: row.kind,
    state: row.state,
    outcome: row.outcome,
    participants: parseJsonColumn(stringListSchema, row.participants) ?? [],
    declinedBy: parseJsonColumn(stringListSchema, row.declined_by) ?? [],
    startedAt: new Date(row.started_at),
    answeredAt: date(row.answered_at),
    endedAt: date(row.ended_at),
  };
}

export function callFunctions(db: Db): CallsPort {
  const byId = db.prepare<[string], CallRow>('SELECT * FROM calls WHERE id = ?');
  const live = db.prepare<[string], CallRow>(
    "SELECT * FROM calls WHERE conversation_id = ? AND state != 'ended'",
  );
  const recent = db.prepare<[string, number], CallRow>(
    'SELECT * FROM calls WHERE conversation_id = ? ORDER BY started_at DESC, id DESC LIMIT ?',
  );
  const daily = db.prepare<[number], { day: string; calls: number; ms: number }>(
    `SELECT strftime('%Y-%m-%d', started_at / 1000, 'unixepoch') AS day, COUNT(*) AS calls,
            COALESCE(SUM(ended_at - answered_at), 0) AS ms
       FROM calls WHERE started_at >= ? GROUP BY day ORDER BY day`,
  );
  const insert = db.prepare<[string, string, string, CallKind, string, number]>(
    `INSERT INTO calls (id, conversation_id, started_by, kind, state, participants, started_at)
     VALUES (?, ?, ?, ?, 'ringing', ?, ?)`,
  );
  const answer = db.prepare<[number, string]>(
    "UPDATE calls SET state = 'active', answered_at = ? WHERE id = ? AND state = 'ringing'",
  );
  // `expected` null: any live state; otherwise only that one.
  const end = db.prepare<[CallOutcome, number, string, string | null]>(
    `UPDATE calls SET state = 'ended', outcome = ?, ended_at = ?
     WHERE id = ? AND state != 'ended' AND state = coalesce(?, state)`,
  );
  const setList = (column: 'participants' | 'declined_by') =>
    db.prepare<[string, string]>(`UPDATE calls SET ${column} = ? WHERE id = ?`);
  const setParticipants = setList('participants');
  const setDeclinedBy = setList('declined_by');

  const get = (id: string) => {
    const row = byId.get(id);
    return row ? toCall(row) : null;
  };
  const insertJobs = jobInserter(db);

  // The end and its follow-up jobs (the outbox) commit together; only the end that counts has any.
  const endOnce = db.transaction(
    ({ id, outcome, state, jobs }: Parameters<CallsPort['endCall']>[0]) => {
      const { changes } = end.run(outcome, Date.now(), id, state ?? null);
      const call = get(id);
      if (!call) return null;
      const ended = changes === 1;
      return { call, ended, queued: ended ? insertJobs(jobs ?? []) : [] };
    },
  );

  // Read, check and write in one (synchronous) transaction, so appends never lose each other.
  const append = (
    id: string,
    userId: string,
    list: 'participants' | 'declinedBy',
    allowed: (call: Call) => boolean,
  ) =>
    db.transaction((): Call | null => {
      const call = get(id);
      if (!call || !allowed(call) || call[list].includes(userId)) return call;
      const next = JSON.stringify([...call[list], userId]);
      (list === 'participants' ? setParticipants : setDeclinedBy).run(next, id);
      return get(id);
    })();

  const create = db.transaction(
    (conversationId: string, startedBy: string, kind: CallKind): Call | null => {
      if (live.get(conversationId)) return null;
      const id = newId('call');
      insert.run(id, conversationId, startedBy, kind, JSON.stringify([startedBy]), Date.now());
      return get(id);
    },
  );

  return {
    async createCall({ conversationId, startedBy, kind }) {
      try {
        const call = create(conversationId, startedBy, kind);
        if (call) return { call, created: true };
      } catch (error) {
        // Another process inserted the live call between our check and insert: theirs wins.
        if (!isUniqueViolation(error)) throw error;
      }
      const existing = live.get(conversationId);
      if (!existing) throw new Error('call start conflicted, but no live call was found');
      return { call: toCall(existing), created: false };
    },

    async getCall({ id }) {
      return get(id);
    },

    async getActiveCall({ conversationId }) {
      const row = live.get(conversationId);
      return row ? toCall(row) : null;
    },

    async listCalls({ conversationId, limit }) {
      return recent.all(conversationId, limit).map(toCall);
    },

    async callActivity({ since }) {
      return daily.all(since.getTime()).map(({ day, calls, ms }) => ({
        day,
        calls,
        callMinutes: Math.round(ms / 6000) / 10,
      }));
    },

    async markCallAnswered({ id }) {
      answer.run(Date.now(), id);
      return get(id);
    },

    async addCallParticipant({ id, userId }) {
      return append(id, userId, 'participants', (call) => call.state !== 'ended');
    },

    async addCallDecline({ id, userId }) {
      return append(id, userId, 'declinedBy', (call) => call.state === 'ringing');
    },

    async endCall(input) {
      return endOnce.immediate(input);
    },
  };
}
