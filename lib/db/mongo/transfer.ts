import type { Connection, Model } from 'mongoose';

import { type DataTransfer, type TransferCollection, type TransferRecord } from '../transfer';
import { disconnect } from './connection';
import { createGameModels, type GameModels } from './games';
import type { Models } from './models';

type Doc = Record<string, unknown>;
const isoOf = (v: unknown) => (v as Date).toISOString();
const isoOrNullOf = (v: unknown) => (v == null ? null : (v as Date).toISOString());
const dateOf = (v: string) => new Date(v);
const dateOrNullOf = (v: string | null) => (v === null ? null : new Date(v));

/** Both directions per collection: stored document ⇄ transfer record. */
type Mapping = {
  [C in TransferCollection]: {
    model: keyof Models | keyof GameModels;
    toRecord: (doc: Doc) => TransferRecord<C>;
    toDoc: (record: TransferRecord<C>) => Doc;
  };
};

const mapping: Mapping = {
  users: {
    model: 'User',
    toRecord: (d) => ({
      id: d._id as string,
      email: d.email as string,
      name: d.name as string,
      statusText: (d.statusText ?? null) as string | null,
      avatarKey: (d.avatarKey ?? null) as string | null,
      passwordHash: (d.passwordHash ?? null) as string | null,
      emailVerified: Boolean(d.emailVerified),
      sessionVersion: (d.sessionVersion ?? 0) as number,
      createdAt: isoOf(d.createdAt),
    }),
    toDoc: ({ id, createdAt, ...u }) => ({ ...u, _id: id, createdAt: dateOf(createdAt) }),
  },
  conversations: {
    model: 'Conversation',
    toRecord: (d) => ({
      id: d._id as string,
      kind: d.kind as 'direct' | 'group',
      name: (d.name ?? null) as string | null,
      directKey: (d.directKey ?? null) as string | null,
      createdBy: d.createdBy as string,
      lastSeq: d.lastSeq as number,
      lastActivityAt: isoOf(d.lastActivityAt),
      createdAt: isoOf(d.createdAt),
    }),
    // A group's key is absent, not null: only real keys are in the unique partial index.
    toDoc: ({ id, directKey, lastActivityAt, createdAt, ...c }) => ({
      ...c,
      _id: id,
      ...(directKey === null ? {} : { directKey }),
      lastActivityAt: dateOf(lastActivityAt),
      createdAt: dateOf(createdAt),
    }),
  },
  memberships: {
    model: 'Membership',
    toRecord: (d) => ({
      conversationId: d.conversationId as string,
      userId: d.userId as string,
      role: d.role as 'owner' | 'admin' | 'member',
      lastReadSeq: d.lastReadSeq as number,
      muted: Boolean(d.muted),
      joinedAt: isoOf(d.joinedAt),
    }),
    toDoc: ({ joinedAt, ...m }) => ({ ...m, joinedAt: dateOf(joinedAt) }),
  },
  messages: {
    model: 'Message',
    toRecord: (d) => ({
      id: d._id as string,
      conversationId: d.conversationId as string,
      seq: d.seq as number,
      authorId: (d.authorId ?? null) as string | null,
      kind: d.kind as 'user' | 'system',
      body: d.body as string,
      clientId: (d.clientId ?? null) as string | null,
      replyToId: (d.replyToId ?? null) as string | null,
      attachments: (d.attachments ?? []) as TransferRecord<'messages'>['attachments'],
      mentions: (d.mentions ?? []) as string[],
      system: (d.system ?? null) as TransferRecord<'messages'>['system'],
      threadRootId: (d.threadRootId ?? null) as string | null,
      alsoInConversation: Boolean(d.alsoInConversation),
      reactions: ((d.reactions ?? []) as { emoji: string; userId: string }[]).map((r) => ({
        emoji: r.emoji,
        userId: r.userId,
        createdAt: null,
      })),
      createdAt: isoOf(d.createdAt),
      editedAt: isoOrNullOf(d.editedAt),
      deletedAt: isoOrNullOf(d.deletedAt),
    }),
    toDoc: ({ id, reactions, createdAt, editedAt, deletedAt, ...m }) => ({
      ...m,
      _id: id,
      reactions: reactions.map(({ emoji, userId }) => ({ emoji, userId })),
      createdAt: dateOf(createdAt),
      editedAt: dateOrNullOf(editedAt),
      deletedAt: dateOrNullOf(deletedAt),
    }),
  },
  uploads: {
    model: 'Upload',
    toRecord: (d) => ({
      id: d._id as string,
      userId: d.userId as string,
      conversationId: (d.conversationId ?? null) as string | null,
      messageId: (d.messageId ?? null) as string | null,
      name: d.name as string,
      contentType: d.contentType as string,
      size: d.size as number,
      width: d.width as number,
      height: d.height as number,
      key: d.key as string,
      thumbKey: d.thumbKey as string,
      createdAt: isoOf(d.createdAt),
    }),
    toDoc: ({ id, createdAt, ...u }) => ({
      ...u,
      _id: id,
      kind: 'image',
      createdAt: dateOf(createdAt),
    }),
  },
  games: {
    model: 'Game',
    toRecord: (d) => ({
      id: d._id as string,
      conversationId: d.conversationId as string,
      kind: d.kind as TransferRecord<'games'>['kind'],
      status: d.status as TransferRecord<'games'>['status'],
      createdBy: d.createdBy as string,
      invitedId: (d.invitedId ?? null) as string | null,
      players: [...((d.players ?? []) as string[])],
      moves: [...((d.moves ?? []) as string[])],
      version: d.version as number,
      turnMs: (d.turnMs ?? null) as number | null,
      clocks: d.clocks ? [...(d.clocks as number[])] : null,
      clockStartMs: (d.clockStartMs ?? null) as number | null,
      turnStartedAt: isoOrNullOf(d.turnStartedAt),
      drawOfferedBy: (d.drawOfferedBy ?? null) as string | null,
      aiLevel: (d.aiLevel ?? null) as TransferRecord<'games'>['aiLevel'],
      rematchOf: (d.rematchOf ?? null) as string | null,
      cardMessageId: (d.cardMessageId ?? null) as string | null,
      result: (d.result ?? null) as TransferRecord<'games'>['result'],
      dedupeKey: (d.dedupeKey ?? null) as string | null,
      createdAt: isoOf(d.createdAt),
      updatedAt: isoOf(d.updatedAt),
      endedAt: isoOrNullOf(d.endedAt),
    }),
    toDoc: ({ id, turnStartedAt, createdAt, updatedAt, endedAt, ...g }) => ({
      ...g,
      _id: id,
      turnStartedAt: dateOrNullOf(turnStartedAt),
      createdAt: dateOf(createdAt),
      updatedAt: dateOf(updatedAt),
      endedAt: dateOrNullOf(endedAt),
    }),
  },
  gameStats: {
    model: 'GameStat',
    toRecord: (d) => ({
      userId: d.userId as string,
      kind: d.kind as TransferRecord<'gameStats'>['kind'],
      wins: d.wins as number,
      losses: d.losses as number,
      draws: d.draws as number,
      rating: d.rating as number,
    }),
    toDoc: (s) => ({ ...s, _id: `${s.userId}:${s.kind}` }),
  },
  threads: {
    model: 'Thread',
    toRecord: (d) => ({
      rootId: d._id as string,
      conversationId: d.conversationId as string,
      replyCount: d.replyCount as number,
      lastReplySeq: d.lastReplySeq as number,
      lastReplyAt: isoOf(d.lastReplyAt),
      participantIds: (d.participants ?? []) as string[],
    }),
    toDoc: ({ rootId, participantIds, lastReplyAt, ...t }) => ({
      ...t,
      _id: rootId,
      participants: participantIds,
      lastReplyAt: dateOf(lastReplyAt),
    }),
  },
  threadMemberships: {
    model: 'ThreadMembership',
    toRecord: (d) => ({
      rootId: d.rootId as string,
      userId: d.userId as string,
      conversationId: d.conversationId as string,
      following: Boolean(d.following),
      lastReadSeq: d.lastReadSeq as number,
      updatedAt: isoOf(d.updatedAt),
    }),
    toDoc: ({ updatedAt, ...m }) => ({ ...m, updatedAt: dateOf(updatedAt) }),
  },
  pins: {
    model: 'Pin',
    toRecord: (d) => ({
      conversationId: d.conversationId as string,
      messageId: d.messageId as string,
      pinnedBy: d.pinnedBy as string,
      pinnedAt: isoOf(d.pinnedAt),
    }),
    toDoc: ({ pinnedAt, ...p }) => ({ ...p, pinnedAt: dateOf(pinnedAt) }),
  },
  pinSettings: {
    model: 'PinSetting',
    toRecord: (d) => ({
      conversationId: d._id as string,
      policy: d.policy as 'admins_and_author' | 'everyone',
    }),
    toDoc: ({ conversationId, policy }) => ({ _id: conversationId, policy }),
  },
};

/**
 * The MongoDB side of the transfer port. Imports go through the models (insertMany), so the
 * schemas' validators and unique indexes check every imported document.
 */
export function createMongoTransfer(
  conn: Connection,
  models: Models,
  target: { uri: string; dbName: string },
): DataTransfer {
  const all = { ...models, ...createGameModels(conn) };
  const modelOf = (collection: TransferCollection) =>
    all[mapping[collection].model] as unknown as Model<Doc>;
  return {
    kind: 'mongo',
    async count(collection) {
      return modelOf(collection).countDocuments();
    },
    async *exportRecords<C extends TransferCollection>(collection: C) {
      const toRecord = mapping[collection].toRecord;
      const sort: Record<string, 1> =
        collection === 'memberships' ? { conversationId: 1, userId: 1 } : { _id: 1 };
      for await (const doc of modelOf(collection).find().sort(sort).lean().cursor()) {
        yield toRecord(doc);
      }
    },
    async importRecords<C extends TransferCollection>(collection: C, records: TransferRecord<C>[]) {
      const toDoc = mapping[collection].toDoc;
      await modelOf(collection).insertMany(records.map(toDoc), { ordered: true });
    },
    async close() {
      await disconnect(conn, target);
    },
  };
}
