import { Schema } from 'mongoose';

import type { JobDispatcher } from '../types';

/**
 * MongoDB's outbox: the follow-up jobs of a write (a message, a call's end), stored on the
 * written document itself, so they land in the same single-document atomic write. The adapter
 * then writes them to the jobs collection and removes the field; a crash in between leaves the
 * field for `relayOutbox` (the sweeper) to finish. Single-document atomicity needs no replica
 * set, so this works on standalone servers as well as Atlas (docs/ARCHITECTURE.md, "Jobs").
 */
export type OutboxEntryDoc = {
  name: string;
  /** JSON text, as the jobs collection keeps it. */
  payload: string;
  dedupeId: string;
  dispatcher: JobDispatcher;
  runAt: Date;
  maxAttempts: number;
  traceparent?: string | null;
};

/** What a document with an outbox carries until it is relayed. */
export type OutboxFields = {
  outbox?: OutboxEntryDoc[];
  /** When the outbox was written; what the sweeper looks for (sparse index). */
  outboxAt?: Date;
};

const outboxEntrySchema = new Schema<OutboxEntryDoc>(
  {
    name: { type: String, required: true, minlength: 1 },
    payload: { type: String, required: true },
    dedupeId: { type: String, required: true, minlength: 1 },
    dispatcher: { type: String, required: true, enum: ['local', 'qstash'] },
    runAt: { type: Date, required: true },
    maxAttempts: { type: Number, required: true, min: 1 },
    traceparent: { type: String, default: null },
  },
  { _id: false },
);

/** Schema paths for OutboxFields; spread into a document schema's definition. */
export const outboxPaths = {
  outbox: { type: [outboxEntrySchema], default: undefined },
  outboxAt: { type: Date },
} as const;

/** Adds the sweeper's index: only documents with an unrelayed outbox are in it. */
export function indexOutbox(schema: Schema): void {
  schema.index({ outboxAt: 1 }, { partialFilterExpression: { outboxAt: { $type: 'date' } } });
}
