import type { CallsPort } from '../ports/calls';
import type { Call } from '../types';
import type { CallDoc, Models } from './models';
import { outboxFieldsFor, outboxFunctions } from './outbox';
import { duplicateKeyField } from './users';

export function toCall(doc: CallDoc): Call {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    startedBy: doc.startedBy,
    kind: doc.kind,
    state: doc.state,
    outcome: doc.outcome ?? null,
    participants: [...(doc.participants ?? [])],
    declinedBy: [...(doc.declinedBy ?? [])],
    startedAt: doc.startedAt,
    answeredAt: doc.answeredAt ?? null,
    endedAt: doc.endedAt ?? null,
  };
}

/** What call reads fetch: everything but the live-call bookkeeping. */
const PROJECTION = { liveKey: 0 } as const;
const AFTER = { returnDocument: 'after', projection: PROJECTION } as const;

export function callFunctions(models: Models): CallsPort {
  const { Call, Conversation } = models;
  const outbox = outboxFunctions(models);
  const byId = async (id: string) => {
    const doc = await Call.findById(id, PROJECTION).lean<CallDoc>();
    return doc ? toCall(doc) : null;
  };
  const liveOf = (conversationId: string) =>
    Call.findOne({ liveKey: conversationId }, PROJECTION).lean<CallDoc>();

  return {
    async createCall({ conversationId, startedBy, kind }) {
      const existing = await liveOf(conversationId);
      if (existing) return { call: toCall(existing), created: false };
      // SQLite refuses a call in a conversation that does not exist (a foreign key).
      if (!(await Conversation.exists({ _id: conversationId })))
        throw new Error(`No conversation with id ${conversationId}`);
      const doc = new Call({
        conversationId,
        startedBy,
        kind,
        state: 'ringing',
        participants: [startedBy],
        liveKey: conversationId,
      });
      try {
        await doc.save();
      } catch (error) {
        // A concurrent start won the unique liveKey: join theirs.
        const winner = duplicateKeyField(error) === null ? null : await liveOf(conversationId);
        if (!winner) throw error;
        return { call: toCall(winner), created: false };
      }
      return { call: toCall(doc.toObject()), created: true };
    },

    getCall: ({ id }) => byId(id),

    async getActiveCall({ conversationId }) {
      const doc = await liveOf(conversationId);
      return doc ? toCall(doc) : null;
    },

    async listCalls({ conversationId, limit }) {
      const docs = await Call.find({ conversationId }, PROJECTION)
        .sort({ startedAt: -1, _id: -1 })
        .limit(limit)
        .lean<CallDoc[]>();
      return docs.map(toCall);
    },

    async callActivity({ since }) {
      const answered = { $and: [{ $gt: ['$answeredAt', null] }, { $gt: ['$endedAt', null] }] };
      const rows = await Call.aggregate<{ _id: string; calls: number; ms: number }>([
        { $match: { startedAt: { $gte: since } } },
        {
          $group: {
            _id: { $dateToString: { format: '%Y-%m-%d', date: '$startedAt', timezone: 'UTC' } },
            calls: { $sum: 1 },
            ms: { $sum: { $cond: [answered, { $subtract: ['$endedAt', '$answeredAt'] }, 0] } },
          },
        },
        { $sort: { _id: 1 } },
      ]);
      return rows.map((r) => ({
        day: r._id,
        calls: r.calls,
        callMinutes: Math.round(r.ms / 6000) / 10,
      }));
    },

    async markCallAnswered({ id }) {
      const doc = await Call.findOneAndUpdate(
        { _id: id, state: 'ringing' },
        { $set: { state: 'active', answeredAt: new Date() } },
        AFTER,
      ).lean<CallDoc>();
      return doc ? toCall(doc) : byId(id);
    },

    async addCallParticipant({ id, userId }) {
      // $addToSet keeps one entry per person, appended in join order.
      const doc = await Call.findOneAndUpdate(
        { _id: id, state: { $ne: 'ended' } },
        { $addToSet: { participants: userId } },
        AFTER,
      ).lean<CallDoc>();
      return doc ? toCall(doc) : byId(id);
    },

    async addCallDecline({ id, userId }) {
      const doc = await Call.findOneAndUpdate(
        { _id: id, state: 'ringing' },
        { $addToSet: { declinedBy: userId } },
        AFTER,
      ).lean<CallDoc>();
      return doc ? toCall(doc) : byId(id);
    },

    async endCall({ id, outcome, state, jobs = [] }) {
      const now = new Date();
      // The end and its outbox in one atomic document write; relayed to the jobs right after.
      const doc = await Call.findOneAndUpdate(
        { _id: id, state: state ?? { $ne: 'ended' } },
        {
          $set: { state: 'ended', outcome, endedAt: now, ...outboxFieldsFor(jobs, now) },
          $unset: { liveKey: 1 },
        },
        AFTER,
      ).lean<CallDoc>();
      if (doc) {
        const queued = jobs.length > 0 ? await outbox.relay('Call', id, jobs) : [];
        return { call: toCall(doc), ended: true, queued };
      }
      const call = await byId(id);
      return call ? { call, ended: false, queued: [] } : null;
    },
  };
}
