import { Schema } from 'mongoose';

import { newId } from '../ids';
import { systemEventSchema } from '../json-columns';
import { FIELD_LIMITS } from '../rules';
import type { Attachment, ConversationKind, MemberRole, SystemEvent } from '../types';
import { count, created } from './models-fields';
import { indexOutbox, outboxPaths, type OutboxFields } from './outbox-schema';

// Conversations, memberships, messages and uploads.

export type ConversationDoc = {
  _id: string;
  kind: ConversationKind;
  name: string | null;
  /** Direct conversations only: the sorted pair of user ids joined with ':'. Absent for groups. */
  directKey?: string | null;
  createdBy: string;
  lastSeq: number;
  lastActivityAt: Date;
  createdAt: Date;
  /** The seqs handed to the latest sends with a clientId (see createMessage). Never read out. */
  recentSends?: RecentSend[];
};

export type RecentSend = { authorId: string; clientId: string; seq: number };

export type MembershipDoc = {
  conversationId: string;
  userId: string;
  role: MemberRole;
  lastReadSeq: number;
  muted: boolean;
  joinedAt: Date;
};

/** One person's reaction. Kept flat, in the order given, and grouped by emoji when read. */
export type ReactionEntry = { emoji: string; userId: string };

export type MessageDoc = OutboxFields & {
  _id: string;
  conversationId: string;
  seq: number;
  authorId: string | null;
  kind: 'user' | 'system';
  body: string;
  clientId: string | null;
  replyToId: string | null;
  /** Copies of the claimed uploads' fields, in the order the author attached them. */
  attachments: Attachment[];
  mentions: string[];
  reactions: ReactionEntry[];
  /** A thread reply's root (absent on older documents: read as null). */
  threadRootId?: string | null;
  alsoInConversation?: boolean;
  system: SystemEvent | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** Derived from the body for search (lib/db/mongo/search.ts); absent before the backfill. */
  searchWords?: string;
  searchText?: string;
};

export type UploadDoc = Omit<Attachment, 'id'> & {
  _id: string;
  userId: string;
  conversationId: string | null;
  messageId: string | null;
  createdAt: Date;
};

export const conversationSchema = new Schema<ConversationDoc>(
  {
    _id: { type: String, default: () => newId('c') },
    kind: { type: String, required: true, enum: ['direct', 'group'] },
    name: { type: String, default: null, minlength: 1, maxlength: FIELD_LIMITS.groupName },
    directKey: { type: String },
    createdBy: { type: String, required: true },
    lastSeq: count(),
    lastActivityAt: { type: Date, required: true, default: () => new Date() },
    createdAt: created(),
    recentSends: {
      type: [{ authorId: String, clientId: String, seq: Number, _id: false }],
      default: undefined,
    },
  },
  { collection: 'conversations', versionKey: false },
);
// Partial, not sparse: only real keys are unique (a sparse index would still index a null).
conversationSchema.index(
  { directKey: 1 },
  { unique: true, partialFilterExpression: { directKey: { $type: 'string' } } },
);
// A group has a name and no direct key; a direct conversation the reverse.
conversationSchema.pre('validate', function checkKind() {
  if (this.kind === 'group') {
    if (this.name == null) this.invalidate('name', 'A group needs a name');
    if (this.directKey != null) this.invalidate('directKey', 'A group has no direct key');
  } else if (this.kind === 'direct') {
    if (!this.directKey) this.invalidate('directKey', 'A direct conversation needs its key');
  }
});

export const membershipSchema = new Schema<MembershipDoc>(
  {
    conversationId: { type: String, required: true },
    userId: { type: String, required: true },
    role: { type: String, required: true, enum: ['owner', 'admin', 'member'], default: 'member' },
    lastReadSeq: count(),
    muted: { type: Boolean, required: true, default: false },
    joinedAt: created(),
  },
  { collection: 'memberships', versionKey: false },
);
// The primary key of SQLite's memberships (and the index that lists a conversation's members);
// {userId} finds a person's conversations.
membershipSchema.index({ conversationId: 1, userId: 1 }, { unique: true });
membershipSchema.index({ userId: 1 });

const attachmentFields = {
  kind: { type: String, required: true, enum: ['image'] },
  name: { type: String, required: true },
  contentType: { type: String, required: true },
  size: { type: Number, required: true, min: 0 },
  width: { type: Number, required: true, min: 0 },
  height: { type: Number, required: true, min: 0 },
  key: { type: String, required: true },
  thumbKey: { type: String, required: true },
};

const attachmentSchema = new Schema<Attachment>(
  { id: { type: String, required: true }, ...attachmentFields },
  { _id: false, id: false },
);
const reactionSchema = new Schema<ReactionEntry>(
  {
    emoji: { type: String, required: true, minlength: 1 },
    userId: { type: String, required: true },
  },
  { _id: false },
);

export const messageSchema = new Schema<MessageDoc>(
  {
    _id: { type: String, default: () => newId('m') },
    conversationId: { type: String, required: true },
    seq: { type: Number, required: true, min: 1 },
    authorId: { type: String, default: null },
    kind: { type: String, required: true, enum: ['user', 'system'] },
    body: { type: String, default: '', maxlength: FIELD_LIMITS.messageBody },
    clientId: { type: String, default: null },
    replyToId: { type: String, default: null },
    attachments: { type: [attachmentSchema], default: [] },
    mentions: { type: [String], default: [] },
    reactions: { type: [reactionSchema], default: [] },
    threadRootId: { type: String, default: null },
    alsoInConversation: { type: Boolean, default: false },
    system: {
      type: Schema.Types.Mixed,
      default: null,
      validate: {
        validator: (v: unknown) => v === null || systemEventSchema.safeParse(v).success,
        message: 'Not a system event',
      },
    },
    createdAt: created(),
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    searchWords: { type: String },
    searchText: { type: String },
    ...outboxPaths,
  },
  { collection: 'messages', versionKey: false },
);
// Seq order within a conversation: unique, and the index every page of messages walks.
messageSchema.index({ conversationId: 1, seq: 1 }, { unique: true });
// Retries of a send (same clientId) find, and collide with, the stored message. Only a
// person's sends with a clientId count, as SQLite treats NULLs as distinct.
messageSchema.index(
  { conversationId: 1, authorId: 1, clientId: 1 },
  {
    unique: true,
    partialFilterExpression: { authorId: { $type: 'string' }, clientId: { $type: 'string' } },
  },
);
// A thread's replies in seq order; only replies are indexed.
messageSchema.index(
  { threadRootId: 1, seq: 1 },
  { partialFilterExpression: { threadRootId: { $type: 'string' } } },
);
// Messages whose follow-up jobs a crash left unrelayed (lib/db/mongo/outbox.ts).
indexOutbox(messageSchema);
// Search (lib/db/mongo/search.ts): the text index takes the folded words as they are
// (language 'none': no stemming, no stop words, so "the" and "who" are found too), and newest
// first within the caller's conversations walks this one.
messageSchema.index(
  { searchWords: 'text' },
  { name: 'message_search', default_language: 'none', language_override: 'searchLanguage' },
);
messageSchema.index({ conversationId: 1, createdAt: -1, _id: -1 });
// A system message records its event; a user message has none.
messageSchema.pre('validate', function checkKind() {
  if ((this.kind === 'system') !== (this.system != null)) {
    this.invalidate(
      'system',
      `A ${this.kind} message ${this.kind === 'system' ? 'needs' : 'has no'} event`,
    );
  }
});

export const uploadSchema = new Schema<UploadDoc>(
  {
    _id: { type: String, default: () => newId('up') },
    userId: { type: String, required: true },
    ...attachmentFields,
    conversationId: { type: String, default: null },
    messageId: { type: String, default: null },
    createdAt: created(),
  },
  { collection: 'uploads', versionKey: false },
);
