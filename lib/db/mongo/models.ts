import { Schema, type Connection, type Model } from 'mongoose';

import { newId } from '../ids';
import { systemEventSchema } from '../json-columns';
import { FIELD_LIMITS } from '../rules';
import { indexOutbox, outboxPaths, type OutboxFields } from './outbox-schema';
import type {
  Attachment,
  CallKind,
  CallOutcome,
  CallState,
  ConversationKind,
  JobDispatcher,
  JobState,
  MemberRole,
  NotificationKind,
  NotificationLevel,
  SystemEvent,
} from '../types';

/** Documents as stored. Ids are the same prefixed strings the SQLite adapter uses, not ObjectIds. */
export type UserDoc = {
  _id: string;
  email: string;
  name: string;
  /** `name` lower-cased: what search matches and orders by (with `_id`). */
  nameLower: string;
  statusText: string | null;
  avatarKey: string | null;
  passwordHash: string | null;
  emailVerified: boolean;
  sessionVersion: number;
  /** "Let people find me by email" (lib/db/ports/account-security.ts); missing on older documents. */
  findableByEmail?: boolean;
  createdAt: Date;
};

export type AccountDoc = { provider: string; providerAccountId: string; userId: string };

export type ApiTokenDoc = {
  _id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

// The field limits of lib/db/rules.ts: both adapters check them before writing (checkFields); the
// schemas hold them again for documents written any other way. Names are stored as given (callers
// trim them), exactly like the SQLite adapter; emails are normalised here too.
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, default: () => newId('u') },
    email: {
      type: String,
      required: true,
      trim: true,
      lowercase: true,
      maxlength: FIELD_LIMITS.email,
      match: [EMAIL, 'Invalid email address'],
    },
    name: { type: String, required: true, minlength: 1, maxlength: FIELD_LIMITS.userName },
    nameLower: {
      type: String,
      required: true,
      default(this: { name?: unknown }) {
        return typeof this.name === 'string' ? this.name.toLowerCase() : undefined;
      },
    },
    statusText: { type: String, default: null, maxlength: FIELD_LIMITS.statusText },
    avatarKey: { type: String, default: null },
    passwordHash: { type: String, default: null },
    emailVerified: { type: Boolean, required: true, default: false },
    sessionVersion: { type: Number, required: true, default: 0, min: 0 },
    findableByEmail: { type: Boolean, default: false },
    createdAt: { type: Date, required: true, default: () => new Date(), immutable: true },
  },
  { collection: 'users', versionKey: false },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ nameLower: 1, _id: 1 });
// Sign-up order: the first person is the default admin (getFirstUser).
userSchema.index({ createdAt: 1, _id: 1 });
// Derived (the default above for new documents, this hook when a document is saved), so a document
// never disagrees with itself. Updates through queries set both fields explicitly.
userSchema.pre('validate', function deriveNameLower() {
  if (typeof this.name === 'string') this.nameLower = this.name.toLowerCase();
});

export const accountSchema = new Schema<AccountDoc>(
  {
    provider: { type: String, required: true, minlength: 1 },
    providerAccountId: { type: String, required: true, minlength: 1 },
    userId: { type: String, required: true },
  },
  { collection: 'accounts', versionKey: false },
);
accountSchema.index({ provider: 1, providerAccountId: 1 }, { unique: true });
accountSchema.index({ userId: 1 });

export const apiTokenSchema = new Schema<ApiTokenDoc>(
  {
    _id: { type: String, default: () => newId('tok') },
    userId: { type: String, required: true },
    name: { type: String, required: true, minlength: 1, maxlength: FIELD_LIMITS.tokenName },
    tokenHash: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date(), immutable: true },
    lastUsedAt: { type: Date, default: null },
  },
  { collection: 'api_tokens', versionKey: false },
);
apiTokenSchema.index({ tokenHash: 1 }, { unique: true });
apiTokenSchema.index({ userId: 1, createdAt: -1 });

// ── conversations, memberships, messages, uploads ──

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
  system: SystemEvent | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

export type UploadDoc = Omit<Attachment, 'id'> & {
  _id: string;
  userId: string;
  conversationId: string | null;
  messageId: string | null;
  createdAt: Date;
};

const created = () => ({
  type: Date,
  required: true,
  default: () => new Date(),
  immutable: true,
});
const count = () => ({ type: Number, required: true, default: 0, min: 0 });

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
// Messages whose follow-up jobs a crash left unrelayed (lib/db/mongo/outbox.ts).
indexOutbox(messageSchema);
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
  },
  { collection: 'jobs', versionKey: false },
);
// At most one job per dedupeId: enqueueing twice is a no-op, even concurrently.
jobSchema.index({ dedupeId: 1 }, { unique: true });
// What the dispatcher polls (pending by runAt; running by state, then lease) and the admin list.
jobSchema.index({ state: 1, runAt: 1 });
jobSchema.index({ state: 1, updatedAt: -1, _id: -1 });

// ── notifications, their settings, web push subscriptions ──

export type NotificationDoc = {
  _id: string;
  userId: string;
  kind: NotificationKind;
  conversationId: string;
  messageId: string | null;
  callId: string | null;
  /** messageId, else callId: what makes a notification one per person per source. */
  sourceKey: string;
  seq: number | null;
  actorId: string | null;
  preview: string;
  createdAt: Date;
  readAt: Date | null;
  pushedAt: Date | null;
  emailedAt: Date | null;
};

export const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, default: () => newId('ntf') },
    userId: { type: String, required: true },
    kind: {
      type: String,
      required: true,
      enum: ['mention', 'dm', 'reply', 'message', 'missed_call'],
    },
    conversationId: { type: String, required: true },
    messageId: { type: String, default: null },
    callId: { type: String, default: null },
    sourceKey: {
      type: String,
      required: true,
      default(this: { messageId?: unknown; callId?: unknown }) {
        const key = this.messageId ?? this.callId;
        return typeof key === 'string' ? key : undefined;
      },
    },
    seq: { type: Number, default: null, min: 1 },
    actorId: { type: String, default: null },
    // Stored as given ('' allowed), like SQLite: the producer shortens it.
    preview: { type: String, default: '' },
    createdAt: created(),
    readAt: { type: Date, default: null },
    pushedAt: { type: Date, default: null },
    emailedAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
notificationSchema.index({ userId: 1, sourceKey: 1 }, { unique: true });
// A person's notifications newest first (the list and its cursor), and their unread ones.
notificationSchema.index({ userId: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ userId: 1, readAt: 1 });
// The source key is the message id, else the call id, and nothing else.
notificationSchema.pre('validate', function checkSource() {
  const source = this.messageId ?? this.callId;
  if (source == null) this.invalidate('messageId', 'A notification needs a message or a call');
  else if (this.sourceKey !== source)
    this.invalidate('sourceKey', 'The source key is the message id, else the call id');
});

/** One person's settings, keyed by their user id; absent until they first change something. */
export type NotificationSettingsDoc = {
  _id: string;
  level: NotificationLevel;
  emailDigest: boolean;
  lastDigestAt: Date | null;
  doNotDisturb?: boolean;
};

export const notificationSettingsSchema = new Schema<NotificationSettingsDoc>(
  {
    _id: { type: String, required: true },
    level: {
      type: String,
      required: true,
      enum: ['all', 'mentions', 'nothing'],
      default: 'mentions',
    },
    emailDigest: { type: Boolean, required: true, default: true },
    lastDigestAt: { type: Date, default: null },
    doNotDisturb: { type: Boolean, default: false },
  },
  { collection: 'notification_settings', versionKey: false },
);

export type PushSubscriptionDoc = {
  _id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: Date;
};

export const pushSubscriptionSchema = new Schema<PushSubscriptionDoc>(
  {
    _id: { type: String, default: () => newId('push') },
    userId: { type: String, required: true },
    endpoint: { type: String, required: true, minlength: 1 },
    p256dh: { type: String, required: true, minlength: 1 },
    auth: { type: String, required: true, minlength: 1 },
    createdAt: created(),
  },
  { collection: 'push_subscriptions', versionKey: false },
);
// An endpoint is one browser: it belongs to one person at a time.
pushSubscriptionSchema.index({ endpoint: 1 }, { unique: true });
pushSubscriptionSchema.index({ userId: 1, createdAt: 1 });

export type Models = {
  User: Model<UserDoc>;
  Account: Model<AccountDoc>;
  ApiToken: Model<ApiTokenDoc>;
  Conversation: Model<ConversationDoc>;
  Membership: Model<MembershipDoc>;
  Message: Model<MessageDoc>;
  Upload: Model<UploadDoc>;
  Call: Model<CallDoc>;
  Job: Model<JobDoc>;
  Notification: Model<NotificationDoc>;
  NotificationSettings: Model<NotificationSettingsDoc>;
  PushSubscription: Model<PushSubscriptionDoc>;
};

/** Registers the models on `conn` once: hot reloads get the already compiled ones back. */
export function createModels(conn: Connection): Models {
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    conn.modelNames().includes(name) ? conn.model<T>(name) : conn.model<T>(name, schema);
  return {
    User: model('User', userSchema),
    Account: model('Account', accountSchema),
    ApiToken: model('ApiToken', apiTokenSchema),
    Conversation: model('Conversation', conversationSchema),
    Membership: model('Membership', membershipSchema),
    Message: model('Message', messageSchema),
    Upload: model('Upload', uploadSchema),
    Call: model('Call', callSchema),
    Job: model('Job', jobSchema),
    Notification: model('Notification', notificationSchema),
    NotificationSettings: model('NotificationSettings', notificationSettingsSchema),
    PushSubscription: model('PushSubscription', pushSubscriptionSchema),
  };
}
