import { Schema, type Connection, type Model } from 'mongoose';
import { z } from 'zod';

import { newId } from '../ids';
import { parseJsonColumn } from '../json-columns';
import type { JobsPort } from '../ports/jobs';
import type { Game, GamesPort, GameStat } from '../ports/games';
import type { Job, NewJob } from '../types';
import { jobFunctions } from './jobs';
import type { Models } from './models';
import { outboxFieldsFor } from './outbox';
import { indexOutbox, outboxPaths, type OutboxEntryDoc, type OutboxFields } from './outbox-schema';
import { duplicateKeyField } from './users';

export type GameDoc = OutboxFields &
  Omit<Game, 'id'> & {
    _id: string;
    dedupeKey: string | null;
  };

export type GameStatDoc = Omit<GameStat, 'userId' | 'kind'> & {
  _id: string; // `${userId}:${kind}`
  userId: string;
  kind: GameStat['kind'];
};

const kinds = ['tictactoe', 'connect4', 'chess'];

export const gameSchema = new Schema<GameDoc>(
  {
    _id: { type: String, default: () => newId('game') },
    conversationId: { type: String, required: true },
    kind: { type: String, required: true, enum: kinds },
    status: {
      type: String,
      required: true,
      enum: ['pending', 'active', 'ended', 'declined', 'expired'],
    },
    createdBy: { type: String, required: true },
    invitedId: { type: String, default: null },
    players: { type: [String], default: [] },
    moves: { type: [String], default: [] },
    version: { type: Number, required: true, min: 1 },
    turnMs: { type: Number, default: null },
    clocks: { type: [Number], default: null },
    clockStartMs: { type: Number, default: null },
    turnStartedAt: { type: Date, default: null },
    drawOfferedBy: { type: String, default: null },
    aiLevel: { type: String, default: null, enum: ['easy', 'medium', 'hard', null] },
    rematchOf: { type: String, default: null },
    cardMessageId: { type: String, default: null },
    result: { type: Schema.Types.Mixed, default: null },
    dedupeKey: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date(), immutable: true },
    updatedAt: { type: Date, required: true, default: () => new Date() },
    endedAt: { type: Date, default: null },
    ...outboxPaths,
  },
  { collection: 'games', versionKey: false },
);
gameSchema.index({ conversationId: 1, createdAt: -1, _id: -1 });
// One game per (creator, dedupe key); games without a key are not constrained (partial).
gameSchema.index(
  { createdBy: 1, dedupeKey: 1 },
  { unique: true, partialFilterExpression: { dedupeKey: { $type: 'string' } } },
);
indexOutbox(gameSchema);

export const gameStatSchema = new Schema<GameStatDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, required: true, enum: kinds },
    wins: { type: Number, default: 0, min: 0 },
    losses: { type: Number, default: 0, min: 0 },
    draws: { type: Number, default: 0, min: 0 },
    rating: { type: Number, required: true },
  },
  { collection: 'game_stats', versionKey: false },
);
gameStatSchema.index({ userId: 1, kind: 1 });

export type GameModels = { Game: Model<GameDoc>; GameStat: Model<GameStatDoc> };

export function createGameModels(conn: Connection): GameModels {
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    conn.modelNames().includes(name) ? conn.model<T>(name) : conn.model<T>(name, schema);
  return { Game: model('Game', gameSchema), GameStat: model('GameStat', gameStatSchema) };
}

const resultSchema = z
  .object({
    winnerId: z.string().nullable(),
    reason: z.string(),
    line: z.array(z.union([z.number(), z.string()])),
  })
  .nullable();

export function toGame(doc: GameDoc): Game {
  const result = resultSchema.parse(doc.result ?? null) as Game['result'];
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    kind: doc.kind,
    status: doc.status,
    createdBy: doc.createdBy,
    invitedId: doc.invitedId ?? null,
    players: [...(doc.players ?? [])],
    moves: [...(doc.moves ?? [])],
    version: doc.version,
    turnMs: doc.turnMs ?? null,
    clocks: doc.clocks ? [...doc.clocks] : null,
    clockStartMs: doc.clockStartMs ?? null,
    turnStartedAt: doc.turnStartedAt ?? null,
    drawOfferedBy: doc.drawOfferedBy ?? null,
    aiLevel: doc.aiLevel ?? null,
    rematchOf: doc.rematchOf ?? null,
    cardMessageId: doc.cardMessageId ?? null,
    result,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    endedAt: doc.endedAt ?? null,
  };
}

const PROJECTION = { outbox: 0, outboxAt: 0, dedupeKey: 0 } as const;

const toNewJob = (entry: OutboxEntryDoc): NewJob => ({
  name: entry.name,
  payload: parseJsonColumn(z.unknown(), entry.payload),
  dedupeId: entry.dedupeId,
  dispatcher: entry.dispatcher,
  runAt: entry.runAt,
  maxAttempts: entry.maxAttempts,
});

/**
 * Games on MongoDB. A write is one conditional single-document update (`version` in the filter),
 * with its follow-up jobs in the document's outbox; they are relayed to the jobs collection right
 * after, and the outbox is removed only while the version is still the one that wrote it (a later
 * write's outbox is never dropped). Stats are upserted after the end lands: a crash between the
 * two loses that game's stats, never a move.
 */
export function gameFunctions(
  { Game, GameStat }: GameModels,
  models: Models,
): GamesPort & Pick<JobsPort, 'relayOutbox'> {
  const { enqueueJob } = jobFunctions(models);
  const byId = async (id: string) => {
    const doc = await Game.findById(id, PROJECTION).lean<GameDoc>();
    return doc ? toGame(doc) : null;
  };
  const byKey = (createdBy: string, dedupeKey: string) =>
    Game.findOne({ createdBy, dedupeKey }, PROJECTION).lean<GameDoc>();

  async function relay(id: string, version: number, jobs: readonly NewJob[]): Promise<Job[]> {
    const created: Job[] = [];
    for (const job of jobs) {
      const result = await enqueueJob(job);
      if (result.created) created.push(result.job);
    }
    await Game.updateOne({ _id: id, version }, { $unset: { outbox: 1, outboxAt: 1 } });
    return created;
  }

  return {
    async createGame({ dedupeKey, ...input }) {
      if (dedupeKey) {
        const existing = await byKey(input.createdBy, dedupeKey);
        if (existing) return { game: toGame(existing), created: false };
      }
      const doc = new Game({
        ...input,
        clockStartMs: input.clocks?.[0] ?? null,
        dedupeKey,
        status: 'pending',
        players: [input.createdBy],
        moves: [],
        version: 1,
      });
      try {
        await doc.save();
      } catch (error) {
        const existing =
          dedupeKey && duplicateKeyField(error) !== null
            ? await byKey(input.createdBy, dedupeKey)
            : null;
        if (!existing) throw error;
        return { game: toGame(existing), created: false };
      }
      return { game: (await byId(doc._id))!, created: true };
    },

    getGame: ({ id }) => byId(id),

    async listGames({ conversationId, limit }) {
      const docs = await Game.find({ conversationId }, PROJECTION)
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean<GameDoc[]>();
      return docs.map(toGame);
    },

    async updateGame({ id, expectedVersion, set, stats = [], jobs = [] }) {
      const now = new Date();
      const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
      const doc = await Game.findOneAndUpdate(
        { _id: id, version: expectedVersion },
        {
          $set: { ...defined, updatedAt: now, ...outboxFieldsFor(jobs, now) },
          $inc: { version: 1 },
        },
        { returnDocument: 'after', projection: PROJECTION },
      ).lean<GameDoc>();
      if (!doc) {
        const game = await byId(id);
        return game ? { game, updated: false, queued: [] } : null;
      }
      for (const s of stats)
        await GameStat.updateOne(
          { _id: `${s.userId}:${s.kind}` },
          {
            $setOnInsert: { userId: s.userId, kind: s.kind },
            $inc: {
              wins: s.result === 'win' ? 1 : 0,
              losses: s.result === 'loss' ? 1 : 0,
              draws: s.result === 'draw' ? 1 : 0,
            },
            $set: { rating: Math.round(s.rating) },
          },
          { upsert: true },
        );
      const queued = jobs.length > 0 ? await relay(id, doc.version, jobs) : [];
      return { game: toGame(doc), updated: true, queued };
    },

    async getGameStats({ userIds }) {
      const docs = await GameStat.find({ userId: { $in: userIds } })
        .sort({ userId: 1, kind: 1 })
        .lean<GameStatDoc[]>();
      return docs.map((d) => ({
        userId: d.userId,
        kind: d.kind,
        wins: d.wins,
        losses: d.losses,
        draws: d.draws,
        rating: d.rating,
      }));
    },

    async relayOutbox({ before, limit }) {
      const stale = await Game.find({ outboxAt: { $lte: before } }, { outbox: 1, version: 1 })
        .limit(limit)
        .lean<{ _id: string; version: number; outbox?: OutboxEntryDoc[] }[]>();
      for (const doc of stale) await relay(doc._id, doc.version, (doc.outbox ?? []).map(toNewJob));
      return stale.length;
    },
  };
}
