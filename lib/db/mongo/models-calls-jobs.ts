import { Schema } from 'mongoose';

import { newId } from '../ids';
import type { CallKind, CallOutcome, CallState, JobDispatcher, JobState } from '../types';
import { count, created } from './models-fields';
import { indexOutbox, outboxPaths, type OutboxFields } from './outbox-schema';

// ── calls ──

export type CallDoc = OutboxFields & {
  _id: string;
  conversationId: string;
  startedBy: string;
  kind: CallKind;
  state: CallState;
  outcome: CallOutcome | null;
  participants: string[];
  declinedBy: string[];
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  /** The conversation id while the call is live (ringing or active); removed when it ends. */
  liveKey?: string | null;
};

export const callSchema = new Schema<CallDoc>(
  {
    _id: { type: String, default: () => newId('call') },
    conversationId: { type: String, required: true },
    startedBy: { type: String, required: true },
    kind: { type: String, required: true, enum: ['audio', 'video'] },
    state: { type: String, required: true, enum: ['ringing', 'active', 'ended'] },
    outcome: { type: String, default: null, enum: ['completed', 'missed', 'declined', null] },
    participants: { type: [String], default: [] },
    declinedBy: { type: [String], default: [] },
    startedAt: created(),
    answeredAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    liveKey: { type: String },
    ...outboxPaths,
  },
  { collection: 'calls', versionKey: false },
);
// One live call per conversation: only live calls carry liveKey (partial, like directKey).
callSchema.index(
  { liveKey: 1 },
  { unique: true, partialFilterExpression: { liveKey: { $type: 'string' } } },
);
callSchema.index({ conversationId: 1, startedAt: -1 });
indexOutbox(callSchema);
// An ended call has an outcome and no live key; a live one the reverse.
callSchema.pre('validate', function checkState() {
  if ((this.state === 'ended') !== (this.outcome != null)) {
    this.invalidate('outcome', 'A call has an outcome exactly when it has ended');
  }
  if (this.state !== 'ended' && this.liveKey !== this.conversationId) {
    this.invalidate('liveKey', 'A live call carries its conversation id as liveKey');
  }
});

// ── jobs ──

export type JobDoc = {
  _id: string;
  name: string;
  /** JSON text, as SQLite keeps it: any JSON round-trips, keys with `$` or `.` included. */
  payload: string;
  dedupeId: string;
  dispatcher: JobDispatcher;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  traceparent?: string | null;
};

const isJsonText = (v: unknown) => {
  if (typeof v !== 'string') return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
};

export const jobSchema = new Schema<JobDoc>(
  {
    _id: { type: String, default: () => newId('job') },
    name: { type: String, required: true, minlength: 1 },
    payload: {
      type: String,
      required: true,
      validate: { validator: isJsonText, message: 'Not JSON text' },
    },
    dedupeId: { type: String, required: true, minlength: 1 },
    dispatcher: { type: String, required: true, enum: ['local', 'qstash'] },
    state: {
      type: String,
      required: true,
      enum: ['pending', 'running', 'succeeded', 'failed'],
      default: 'pending',
    },
    attempts: count(),
    maxAttempts: { type: Number, required: true, min: 1 },
    runAt: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    createdAt: created(),
    updatedAt: { type: Date, required: true, default: () => new Date() },
    finishedAt: { type: Date, default: null },
    traceparent: { type: String, default: null },
  },
  { collection: 'jobs', versionKey: false },
);
// At most one job per dedupeId: enqueueing twice is a no-op, even concurrently.
jobSchema.index({ dedupeId: 1 }, { unique: true });
// What the dispatcher polls (pending by runAt; running by state, then lease) and the admin list.
jobSchema.index({ state: 1, runAt: 1 });
jobSchema.index({ state: 1, updatedAt: -1, _id: -1 });
