import { z } from 'zod';

import { attachmentSchema, systemEventSchema } from './json-columns';

/**
 * The data-transfer port: what `npm run backup -- --format ndjson` exports and `npm run restore`
 * imports, in a shape that belongs to neither store (camelCase, ISO times), so data moves from
 * SQLite to MongoDB and back. Both adapters (sqlite/transfer.ts, mongo/transfer.ts) read and
 * write these records; each record is parsed with its schema on the way in.
 *
 * Collections are listed parents first: an import in this order satisfies SQLite's foreign keys.
 * Not transferred (say so where it matters): OAuth links and API tokens (people sign in again and
 * make new tokens), notifications, jobs, calls and push subscriptions (short-lived state). Games
 * and their stats are carried (a game card in a message points at its game); a game's pending
 * timer job is not, so an active game moved to another store is settled when it is next read.
 */
const time = z.iso.datetime();
const id = z.string().min(1).max(128);

export const transferSchemas = {
  users: z.object({
    id,
    email: z.string().min(3).max(254),
    name: z.string().min(1).max(200),
    statusText: z.string().nullable(),
    avatarKey: z.string().nullable(),
    passwordHash: z.string().nullable(),
    emailVerified: z.boolean(),
    sessionVersion: z.number().int().min(0),
    createdAt: time,
  }),
  conversations: z.object({
    id,
    kind: z.enum(['direct', 'group']),
    name: z.string().nullable(),
    directKey: z.string().nullable(),
    createdBy: id,
    lastSeq: z.number().int().min(0),
    lastActivityAt: time,
    createdAt: time,
  }),
  memberships: z.object({
    conversationId: id,
    userId: id,
    role: z.enum(['owner', 'admin', 'member']),
    lastReadSeq: z.number().int().min(0),
    muted: z.boolean(),
    joinedAt: time,
  }),
  messages: z.object({
    id,
    conversationId: id,
    seq: z.number().int().min(1),
    authorId: id.nullable(),
    kind: z.enum(['user', 'system']),
    body: z.string(),
    clientId: z.string().nullable(),
    replyToId: z.string().nullable(),
    attachments: z.array(attachmentSchema),
    mentions: z.array(z.string()),
    system: systemEventSchema.nullable(),
    /** Defaults: files written before threads existed still import. */
    threadRootId: id.nullable().default(null),
    alsoInConversation: z.boolean().default(false),
    /** MongoDB keeps no reaction time: null there, the message's time when imported into SQLite. */
    reactions: z.array(
      z.object({ emoji: z.string().min(1), userId: id, createdAt: time.nullable() }),
    ),
    createdAt: time,
    editedAt: time.nullable(),
    deletedAt: time.nullable(),
  }),
  uploads: z.object({
    id,
    userId: id,
    conversationId: id.nullable(),
    messageId: id.nullable(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().min(0),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    key: z.string().min(1),
    thumbKey: z.string().min(1),
    createdAt: time,
  }),
  games: z.object({
    id,
    conversationId: id,
    kind: z.enum(['tictactoe', 'connect4', 'chess']),
    status: z.enum(['pending', 'active', 'ended', 'declined', 'expired']),
    createdBy: id,
    invitedId: id.nullable(),
    players: z.array(id),
    moves: z.array(z.string().max(8)),
    version: z.number().int().min(1),
    turnMs: z.number().int().nullable(),
    clocks: z.array(z.number()).nullable(),
    // Archives from before migration 13 have no starting clock: a rematch gets the default.
    clockStartMs: z.number().int().nullable().default(null),
    turnStartedAt: time.nullable(),
    drawOfferedBy: id.nullable(),
    aiLevel: z.enum(['easy', 'medium', 'hard']).nullable(),
    rematchOf: id.nullable(),
    // Archives from before migration 12 have no card id: their games' notices lead to the chat.
    cardMessageId: id.nullable().default(null),
    result: z
      .object({
        winnerId: id.nullable(),
        reason: z.enum([
          'line',
          'checkmate',
          'stalemate',
          'threefold-repetition',
          'insufficient-material',
          'fifty-moves',
          'board-full',
          'move-limit',
          'timeout',
          'resign',
          'agreed',
        ]),
        line: z.array(z.union([z.number(), z.string()])),
      })
      .nullable(),
    dedupeKey: z.string().nullable(),
    createdAt: time,
    updatedAt: time,
    endedAt: time.nullable(),
  }),
  gameStats: z.object({
    userId: id,
    kind: z.enum(['tictactoe', 'connect4', 'chess']),
    wins: z.number().int().min(0),
    losses: z.number().int().min(0),
    draws: z.number().int().min(0),
    rating: z.number().int(),
  }),
  /** A thread's root summary (threads came after messages: replies point at their roots). */
  threads: z.object({
    rootId: id,
    conversationId: id,
    replyCount: z.number().int().min(0),
    lastReplySeq: z.number().int().min(1),
    lastReplyAt: time,
    participantIds: z.array(id),
  }),
  threadMemberships: z.object({
    rootId: id,
    userId: id,
    conversationId: id,
    following: z.boolean(),
    lastReadSeq: z.number().int().min(0),
    updatedAt: time,
  }),
  pins: z.object({ conversationId: id, messageId: id, pinnedBy: id, pinnedAt: time }),
  pinSettings: z.object({
    conversationId: id,
    policy: z.enum(['admins_and_author', 'everyone']),
  }),
} as const;

export type TransferCollection = keyof typeof transferSchemas;
export type TransferRecord<C extends TransferCollection> = z.infer<(typeof transferSchemas)[C]>;
export const TRANSFER_COLLECTIONS = Object.keys(transferSchemas) as TransferCollection[];

export interface DataTransfer {
  readonly kind: 'sqlite' | 'mongo';
  count(collection: TransferCollection): Promise<number>;
  /** Every record, in a stable order (insertion order in SQLite, id order in MongoDB). */
  exportRecords<C extends TransferCollection>(collection: C): AsyncIterable<TransferRecord<C>>;
  /** Inserts a batch; an existing id (or key) is an error, never a silent overwrite. */
  importRecords<C extends TransferCollection>(
    collection: C,
    records: TransferRecord<C>[],
  ): Promise<void>;
  close(): Promise<void>;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
export const ms = (time: string): number => Date.parse(time);
export const msOrNull = (time: string | null): number | null => (time === null ? null : ms(time));
