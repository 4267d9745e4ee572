/** Records the store returns. Dates are Date objects; optional text is null, never undefined. */

export type User = {
  id: string;
  email: string;
  name: string;
  statusText: string | null;
  /** Blob key of the processed avatar, or null for generated initials. */
  avatarKey: string | null;
  emailVerified: boolean;
  /** Bumped by "sign out everywhere": sessions minted with an older version stop working. */
  sessionVersion: number;
  createdAt: Date;
};

export type PublicUser = Pick<User, 'id' | 'name'> & { image: string | null };

export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/** A unique constraint said no (an email taken, say); routes turn it into 409. */
export class StoreConflictError extends Error {
  override name = 'StoreConflictError';
  constructor(readonly field: string) {
    super(`${field} already exists`);
  }
}

/**
 * Whether `error` is a StoreConflictError. Not `instanceof`: the store is shared on globalThis
 * by every bundle of the server (instrumentation starts the job dispatcher, which opens it), and
 * each bundle has its own copy of this class, so the error may come from another copy.
 */
export function isStoreConflict(error: unknown): error is StoreConflictError {
  return (
    error instanceof Error &&
    error.name === 'StoreConflictError' &&
    typeof (error as { field?: unknown }).field === 'string'
  );
}

// ── conversations and messages ────────────────────────────────────────────────────────────────

export type ConversationKind = 'direct' | 'group';
export type MemberRole = 'owner' | 'admin' | 'member';

export type Conversation = {
  id: string;
  kind: ConversationKind;
  /** Groups only; a direct conversation is named after the other person by the API layer. */
  name: string | null;
  createdBy: string;
  /** The seq of the newest message; 0 before the first. */
  lastSeq: number;
  /** When the newest message was posted (or the conversation created): sidebar order. */
  lastActivityAt: Date;
  createdAt: Date;
};

export type Membership = {
  conversationId: string;
  userId: string;
  role: MemberRole;
  /** Everything up to and including this seq has been read. Only moves forward. */
  lastReadSeq: number;
  muted: boolean;
  joinedAt: Date;
};

/** An uploaded image, stored as blobs; becomes an attachment when a message references it. */
export type Attachment = {
  id: string;
  kind: 'image';
  name: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
  /** Blob keys of the (re-encoded) image and its thumbnail. */
  key: string;
  thumbKey: string;
};

export type Upload = Attachment & {
  userId: string;
  /** Set once a message claims it; an upload belongs to one message only. */
  conversationId: string | null;
  messageId: string | null;
  createdAt: Date;
};

export type Reaction = { emoji: string; userIds: string[] };

/** What a system message records. `actorId` is who did it. */
export type SystemEvent =
  | { type: 'conversation.created'; actorId: string }
  | { type: 'conversation.renamed'; actorId: string; name: string }
  | { type: 'member.added'; actorId: string; userIds: string[] }
  | { type: 'member.removed'; actorId: string; userIds: string[] }
  /** A call ended: `actorId` started it; `durationMs` counts from the answer (0 unless completed). */
  | {
      type: 'call';
      actorId: string;
      callId: string;
      kind: CallKind;
      outcome: CallOutcome;
      durationMs: number;
    }
  /** A game card: `actorId` challenged `invitedId` (null: anyone may join) to game `gameId`. */
  | {
      type: 'game';
      actorId: string;
      gameId: string;
      kind: 'tictactoe' | 'connect4' | 'chess';
      invitedId: string | null;
    }
  /** A game ended: `actorId` won against `opponentId` (or they drew) after `moves` moves. */
  | {
      type: 'game.ended';
      actorId: string;
      gameId: string;
      kind: 'tictactoe' | 'connect4' | 'chess';
      opponentId: string;
      draw: boolean;
      reason: string;
      moves: number;
    }
  | { type: 'message.pinned'; actorId: string; messageId: string };

export type Message = {
  id: string;
  conversationId: string;
  /** Per-conversation, gap-free under normal operation, assigned by the store at insert. */
  seq: number;
  /** null for system messages. */
  authorId: string | null;
  kind: 'user' | 'system';
  /** Markdown; '' for a deleted message (the tombstone keeps its place, not its text). */
  body: string;
  clientId: string | null;
  replyToId: string | null;
  attachments: Attachment[];
  /** Ids of people mentioned in the body. */
  mentions: string[];
  /** Ordered by first reaction; userIds in reaction order. */
  reactions: Reaction[];
  system: SystemEvent | null;
  /** The root of the thread this message replies in; null in the main timeline. */
  threadRootId: string | null;
  /** A thread reply that was also sent to the conversation ("Also send to the conversation"). */
  alsoInConversation: boolean;
  /** On a thread's root: its replies so far; null on a message nobody replied to in a thread. */
  thread: ThreadSummary | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

/** What a thread's root carries: how many replies, the newest one, and who wrote recently. */
export type ThreadSummary = {
  /** Replies not deleted. */
  replyCount: number;
  /** The seq of the newest reply (deleted or not): a follower's unread mark compares with it. */
  lastReplySeq: number;
  lastReplyAt: Date;
  /** Who replied most recently first, at most MAX_THREAD_PARTICIPANTS of them. */
  participantIds: string[];
};

/** Per person and thread (the Slack / Mattermost shape): following and a read position. */
export type ThreadMembership = {
  rootId: string;
  conversationId: string;
  userId: string;
  following: boolean;
  /** Replies up to and including this seq have been read in the thread. Only moves forward. */
  lastReadSeq: number;
  updatedAt: Date;
};

/** A thread one person follows, with what they have not read of it. */
export type FollowedThread = {
  rootId: string;
  conversationId: string;
  thread: ThreadSummary;
  membership: ThreadMembership;
  /** Replies by others after the person's read position, not deleted. */
  unreadCount: number;
};

/** A pinned message of a conversation. */
export type Pin = {
  conversationId: string;
  messageId: string;
  pinnedBy: string;
  pinnedAt: Date;
};

/** Who may pin in a group: admins (and owners) and a message's author, or every member. */
export type PinPolicy = 'admins_and_author' | 'everyone';

/** A conversation as one member sees it, for the sidebar. */
export type ConversationForMember = { conversation: Conversation; membership: Membership };

// ── calls ─────────────────────────────────────────────────────────────────────────────────────

export type CallKind = 'audio' | 'video';
/** ringing → active (someone answered) → ended; or ringing → ended (missed, declined). */
export type CallState = 'ringing' | 'active' | 'ended';
export type CallOutcome = 'completed' | 'missed' | 'declined';

/** A call in a conversation. A conversation has at most one call that is not ended. */
export type Call = {
  id: string;
  conversationId: string;
  startedBy: string;
  kind: CallKind;
  state: CallState;
  /** Set exactly when the call ends. */
  outcome: CallOutcome | null;
  /** Everyone who joined, the caller first, in join order; never shrinks. */
  participants: string[];
  /** People who declined while it rang (a group call rings on until everyone has). */
  declinedBy: string[];
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
};

// ── jobs ──────────────────────────────────────────────────────────────────────────────────────

/**
 * pending → running → succeeded; a failed attempt goes back to pending (runAt later) until
 * maxAttempts, then failed. A payload that fails its schema is failed at once (`permanent`).
 */
export type JobState = 'pending' | 'running' | 'succeeded' | 'failed';
/** Who delivers the job: the in-process dispatcher over the store, or QStash over HTTP. */
export type JobDispatcher = 'local' | 'qstash';

export type Job = {
  id: string;
  /** Its entry in lib/jobs/catalog.ts (`message-created`, `assistant-reply`, ...). */
  name: string;
  /** JSON, validated against the catalog's schema when queued and again when it runs. */
  payload: unknown;
  /** At most one job per dedupeId, ever (until pruned): enqueueing twice is a no-op. */
  dedupeId: string;
  dispatcher: JobDispatcher;
  state: JobState;
  /** Attempts started so far (a crash mid-attempt counts as one). */
  attempts: number;
  maxAttempts: number;
  /** Not before this time (a delay, or the backoff after a failed attempt). */
  runAt: Date;
  /** While running: the lease. Past it the job counts as abandoned (its process died). */
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /** The W3C traceparent of the work that queued it: the worker continues that trace. */
  traceparent: string | null;
};

/** One UTC day of people's messages (`day` as YYYY-MM-DD): how many, and by how many people. */
/** One UTC day of people's messages (the assistant's replies counted apart), for operations. */
export type DailyActivity = { day: string; messages: number; people: number; aiReplies: number };
/** One UTC day of calls: how many started, and the minutes of those answered. */
export type DailyCalls = { day: string; calls: number; callMinutes: number };

/**
 * A job to write: what `enqueueJob` stores, and what a write with consequences (a message, a
 * missed call) stores in its own transaction (the outbox). Built and validated by lib/jobs
 * (`newJob`), which knows the catalog; the store only writes it.
 */
export type NewJob = {
  name: string;
  payload: unknown;
  dedupeId: string;
  dispatcher: JobDispatcher;
  runAt: Date;
  maxAttempts: number;
  /** The trace the job continues (see Job.traceparent); absent or null outside traced work. */
  traceparent?: string | null;
};

// ── notifications ─────────────────────────────────────────────────────────────────────────────

export type NotificationKind =
  | 'mention'
  | 'dm'
  | 'reply'
  | 'message'
  | 'missed_call'
  /** Someone challenged you to a game (lib/games). */
  | 'game_challenge'
  /** It is your move in a game, and you are away. */
  | 'game_turn';
/** What a person wants to hear about: every message, only mentions/DMs/replies, or nothing. */
export type NotificationLevel = 'all' | 'mentions' | 'nothing';

export type Notification = {
  id: string;
  userId: string;
  kind: NotificationKind;
  conversationId: string;
  /** The message it is about (null for a missed call). */
  messageId: string | null;
  callId: string | null;
  /** That message's seq: reading the conversation up to it reads the notification. */
  seq: number | null;
  /** Who caused it (the author, the caller). */
  actorId: string | null;
  /** A short plain-text preview, fixed when created (a later edit does not change it). */
  preview: string;
  createdAt: Date;
  readAt: Date | null;
  /** Set once a web push went out for it, so a re-run job does not push twice. */
  pushedAt: Date | null;
  /** Set once an email digest included it. */
  emailedAt: Date | null;
};

export type NotificationSettings = {
  userId: string;
  level: NotificationLevel;
  /** Email digests of unread mentions and DMs; the signed unsubscribe link turns it off. */
  emailDigest: boolean;
  lastDigestAt: Date | null;
  /** Do not disturb: no web push (notifications are still stored and counted). */
  doNotDisturb: boolean;
};

/** What a person who never chose gets: mentions, DMs, replies and missed calls, and email digests. */
export const defaultNotificationSettings = (userId: string): NotificationSettings => ({
  userId,
  level: 'mentions',
  emailDigest: true,
  lastDigestAt: null,
  doNotDisturb: false,
});

/** A browser's Web Push subscription (RFC 8030 endpoint + RFC 8291 keys). */
export type PushSubscriptionRecord = {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: Date;
};
