import type {
  ApiToken,
  Call,
  CallKind,
  CallOutcome,
  Conversation,
  ConversationForMember,
  Membership,
  MemberRole,
  Message,
  Page,
  SystemEvent,
  Job,
  JobDispatcher,
  JobState,
  Notification,
  NotificationKind,
  NotificationLevel,
  NotificationSettings,
  PushSubscriptionRecord,
  Upload,
  User,
} from './types';

/**
 * The store port: every durable read and write goes through these verb-first functions, which
 * take one object argument. Adapters: SQLite (embedded default) and MongoDB via mongoose. Both
 * pass the same contract suite (lib/db/contract.ts). Emails arrive normalised (trimmed, lower case).
 */
export interface Store {
  readonly kind: 'sqlite' | 'mongo';
  /** Cheap round trip for the health route; throws when the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;

  // ── users ──
  /** Throws StoreConflictError('email') when the email is taken. */
  createUser(input: {
    email: string;
    name: string;
    passwordHash: string | null;
    emailVerified?: boolean;
  }): Promise<User>;
  getUserById(input: { id: string }): Promise<User | null>;
  getUserByEmail(input: { email: string }): Promise<User | null>;
  /** People with these ids, in no particular order; unknown ids are skipped. */
  getUsersByIds(input: { ids: string[] }): Promise<User[]>;
  /** The password hash for credential sign-in; null for unknown emails and OAuth-only people. */
  getPasswordHash(input: { userId: string }): Promise<string | null>;
  updateUser(input: {
    id: string;
    name?: string;
    statusText?: string | null;
    avatarKey?: string | null;
    emailVerified?: boolean;
  }): Promise<User | null>;
  /** Increments and returns the session version. */
  bumpSessionVersion(input: { id: string }): Promise<number>;
  /**
   * People whose name or email starts with `query` (case-insensitive), ordered by name then id.
   * `cursor` is the opaque nextCursor of the previous page.
   */
  searchUsers(input: {
    query: string;
    limit: number;
    cursor?: string | null;
    excludeId?: string;
  }): Promise<Page<User>>;

  // ── OAuth accounts ──
  linkAccount(input: {
    userId: string;
    provider: string;
    providerAccountId: string;
  }): Promise<void>;
  getUserByAccount(input: { provider: string; providerAccountId: string }): Promise<User | null>;

  // ── API tokens (only a hash is stored) ──
  createApiToken(input: { userId: string; name: string; tokenHash: string }): Promise<ApiToken>;
  listApiTokens(input: { userId: string }): Promise<ApiToken[]>;
  /** Deletes the caller's own token; false when there is none with that id for that user. */
  revokeApiToken(input: { userId: string; id: string }): Promise<boolean>;
  /** Finds a live token by hash and records its use. */
  useApiToken(input: { tokenHash: string }): Promise<{ token: ApiToken; user: User } | null>;

  // ── conversations ──
  /**
   * The one direct conversation between two different people, created (both as owners) when
   * there is none. Concurrent calls for the same pair return the same conversation.
   */
  findOrCreateDirect(input: {
    userIds: [string, string];
    createdBy: string;
  }): Promise<{ conversation: Conversation; created: boolean }>;
  /** A group: `ownerId` becomes owner, the others members (duplicates and the owner ignored). */
  createGroup(input: { name: string; ownerId: string; memberIds: string[] }): Promise<Conversation>;
  getConversation(input: { id: string }): Promise<Conversation | null>;
  renameConversation(input: { id: string; name: string }): Promise<Conversation | null>;
  /** Every conversation `userId` belongs to, most recent activity first (then id descending). */
  listConversations(input: { userId: string }): Promise<ConversationForMember[]>;
  /** People who share at least one conversation with `userId` (not themselves), up to `limit`. */
  listContacts(input: { userId: string; limit: number }): Promise<string[]>;

  // ── memberships ──
  getMembership(input: { conversationId: string; userId: string }): Promise<Membership | null>;
  /** Members in the order they joined (then user id). */
  listMemberships(input: { conversationId: string }): Promise<Membership[]>;
  /** Adds people who are not members yet; returns only the new memberships. */
  addMembers(input: {
    conversationId: string;
    userIds: string[];
    role?: MemberRole;
  }): Promise<Membership[]>;
  /** False when the person was not a member. */
  removeMember(input: { conversationId: string; userId: string }): Promise<boolean>;
  updateMembership(input: {
    conversationId: string;
    userId: string;
    role?: MemberRole;
    muted?: boolean;
  }): Promise<Membership | null>;
  /**
   * Moves the read position to `seq`, clamped to the conversation's lastSeq, never backwards.
   * Returns the membership (unchanged when `seq` is not ahead), or null for non-members.
   */
  markRead(input: {
    conversationId: string;
    userId: string;
    seq: number;
  }): Promise<Membership | null>;

  // ── messages ──
  /**
   * Appends a message with the conversation's next seq, atomically, and moves the author's read
   * position to it. A retry with the same (conversationId, authorId, clientId) returns the stored
   * message with created: false and changes nothing. `attachmentIds` must be the author's own
   * unclaimed uploads (the caller checks); they are claimed by this message.
   */
  createMessage(input: {
    conversationId: string;
    authorId: string | null;
    body: string;
    clientId?: string | null;
    replyToId?: string | null;
    attachmentIds?: string[];
    mentions?: string[];
    system?: SystemEvent | null;
  }): Promise<{ message: Message; created: boolean }>;
  getMessage(input: { id: string }): Promise<Message | null>;
  /** Messages with these ids, in no particular order; unknown ids are skipped. */
  getMessages(input: { ids: string[] }): Promise<Message[]>;
  /**
   * A page in ascending seq order. `before`: the `limit` messages just below that seq; `after`:
   * the `limit` messages just above it; neither: the newest `limit`. `hasMore` says whether more
   * exist beyond the page in the direction of travel (older for before/newest, newer for after).
   */
  listMessages(input: {
    conversationId: string;
    before?: number;
    after?: number;
    limit: number;
  }): Promise<{ messages: Message[]; hasMore: boolean }>;
  editMessage(input: { id: string; body: string; mentions: string[] }): Promise<Message | null>;
  /** Tombstones the message: body, attachments, mentions and reactions go; seq and author stay. */
  deleteMessage(input: { id: string }): Promise<Message | null>;
  /** Adds (present: true) or removes a person's reaction; idempotent. Null for unknown messages. */
  setReaction(input: {
    messageId: string;
    userId: string;
    emoji: string;
    present: boolean;
  }): Promise<Message | null>;

  // ── uploads ──
  createUpload(
    input: Omit<Upload, 'id' | 'conversationId' | 'messageId' | 'createdAt'>,
  ): Promise<Upload>;
  getUpload(input: { id: string }): Promise<Upload | null>;
  getUploads(input: { ids: string[] }): Promise<Upload[]>;

  // ── calls (contract in lib/db/contract-calls.ts) ──
  /**
   * Starts a ringing call with the caller as its first participant. A conversation has at most
   * one live (ringing or active) call: while there is one, even under concurrent starts, it is
   * returned with created: false and nothing changes.
   */
  createCall(input: {
    conversationId: string;
    startedBy: string;
    kind: CallKind;
  }): Promise<{ call: Call; created: boolean }>;
  getCall(input: { id: string }): Promise<Call | null>;
  /** The conversation's ringing or active call, if any. */
  getActiveCall(input: { conversationId: string }): Promise<Call | null>;
  /** A conversation's calls, newest first. */
  listCalls(input: { conversationId: string; limit: number }): Promise<Call[]>;
  /** Ringing → active with answeredAt now; a call in any other state comes back unchanged. */
  markCallAnswered(input: { id: string }): Promise<Call | null>;
  /** Adds a participant once (join order kept); an ended call comes back unchanged. */
  addCallParticipant(input: { id: string; userId: string }): Promise<Call | null>;
  /** Records a decline once, while the call rings; otherwise the call comes back unchanged. */
  addCallDecline(input: { id: string; userId: string }): Promise<Call | null>;
  /**
   * Ends a live call with `outcome` and endedAt now. Idempotent: only the first end counts
   * (ended: true); later ones get the stored call with ended: false. With `state`, only a call
   * still in that state ends (a decision made on a stale read does not land). Null for unknown ids.
   */
  endCall(input: {
    id: string;
    outcome: CallOutcome;
    state?: 'ringing' | 'active';
  }): Promise<{ call: Call; ended: boolean } | null>;

  // ── system people and admins ──
  /**
   * Creates the built-in person with this fixed id (the assistant) if missing, else returns it
   * unchanged. No password and no linked account: nobody can sign in as it. Idempotent.
   */
  ensureSystemUser(input: { id: string; email: string; name: string }): Promise<User>;
  /** The person who signed up first (the default admin), skipping `excludeIds`. */
  getFirstUser(input: { excludeIds: string[] }): Promise<User | null>;

  // ── jobs (contract in lib/db/contract-jobs.ts) ──
  /**
   * Stores a job unless one with the same dedupeId exists (then returns that one, created:
   * false, unchanged). State pending, attempts 0.
   */
  enqueueJob(input: {
    name: string;
    payload: unknown;
    dedupeId: string;
    dispatcher: JobDispatcher;
    runAt: Date;
    maxAttempts: number;
  }): Promise<{ job: Job; created: boolean }>;
  /**
   * Atomically takes up to `limit` local jobs that are due: pending with runAt <= now, or running
   * with an expired lease (their process died). Each becomes running, attempts + 1, lockedUntil
   * now + leaseMs. Oldest runAt first. Two dispatchers never claim the same job.
   */
  claimDueJobs(input: { now: Date; limit: number; leaseMs: number }): Promise<Job[]>;
  /**
   * Starts one attempt of a job delivered from outside (QStash): running, attempts + 1, leased.
   * A job already succeeded comes back unchanged (the caller skips it). Null for unknown ids.
   */
  startJobAttempt(input: { id: string; now: Date; leaseMs: number }): Promise<Job | null>;
  /** running → succeeded. */
  completeJob(input: { id: string; now: Date }): Promise<Job | null>;
  /** An attempt failed: back to pending at `retryAt`, or (retryAt null) failed for good. */
  failJobAttempt(input: {
    id: string;
    error: string;
    retryAt: Date | null;
    now: Date;
  }): Promise<Job | null>;
  getJob(input: { id: string }): Promise<Job | null>;
  /** Jobs in these states, newest first (updatedAt, then id). */
  listJobs(input: { states: JobState[]; limit: number }): Promise<Job[]>;
  countJobs(input: { state: JobState }): Promise<number>;
  /** A failed job → pending at `runAt` with attempts 0 and its error kept. Else unchanged. */
  retryJob(input: { id: string; runAt: Date; now: Date }): Promise<Job | null>;
  /** Deletes succeeded jobs that finished before `before`; returns how many. */
  pruneJobs(input: { before: Date }): Promise<number>;

  // ── notifications (contract in lib/db/contract-notifications.ts) ──
  /**
   * One notification per person per source (messageId, else callId): a second create for the
   * same source returns the stored one with created: false.
   */
  createNotification(input: {
    userId: string;
    kind: NotificationKind;
    conversationId: string;
    messageId: string | null;
    callId: string | null;
    seq: number | null;
    actorId: string | null;
    preview: string;
  }): Promise<{ notification: Notification; created: boolean }>;
  /** Newest first (createdAt, then id); `cursor` is the previous page's nextCursor. */
  listNotifications(input: {
    userId: string;
    limit: number;
    cursor?: string | null;
  }): Promise<Page<Notification>>;
  countUnreadNotifications(input: { userId: string }): Promise<number>;
  /**
   * Marks unread notifications read: these ids, or all of them, or those of one conversation up
   * to a seq (reading the conversation reads them). Only the person's own. Returns the ids that
   * changed.
   */
  markNotificationsRead(
    input:
      | { userId: string; ids: string[] }
      | { userId: string; all: true }
      | { userId: string; conversationId: string; uptoSeq: number },
  ): Promise<string[]>;
  markNotificationsPushed(input: { ids: string[]; at: Date }): Promise<void>;
  /**
   * Claims notifications for an email: sets emailedAt where it is still null, atomically per
   * notification, and returns the ids this call changed. Two digest runs claiming the same ids at
   * once split them with no overlap, so each notification goes out in one email at most.
   */
  markNotificationsEmailed(input: { ids: string[]; at: Date }): Promise<string[]>;
  /** Gives claimed notifications back (emailedAt to null): their email failed to go out. */
  clearNotificationsEmailed(input: { ids: string[] }): Promise<void>;
  /** Unread, not yet emailed notifications of these kinds, oldest first. */
  listUnemailedNotifications(input: {
    userId: string;
    kinds: NotificationKind[];
    limit: number;
  }): Promise<Notification[]>;

  /** Defaults (level 'mentions', emailDigest true, lastDigestAt null) when never set. */
  getNotificationSettings(input: { userId: string }): Promise<NotificationSettings>;
  /** Several people's settings at once (defaults for those never set), in no particular order. */
  getNotificationSettingsFor(input: { userIds: string[] }): Promise<NotificationSettings[]>;
  updateNotificationSettings(input: {
    userId: string;
    level?: NotificationLevel;
    emailDigest?: boolean;
    lastDigestAt?: Date;
  }): Promise<NotificationSettings>;

  // ── web push subscriptions ──
  /**
   * Saves a subscription; the same person saving an endpoint again updates its keys. An endpoint
   * another person holds is left alone and the answer is null (it is theirs until they remove it
   * or the push service says it is gone).
   */
  savePushSubscription(input: {
    userId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
  }): Promise<PushSubscriptionRecord | null>;
  listPushSubscriptions(input: { userId: string }): Promise<PushSubscriptionRecord[]>;
  /** Deletes by endpoint (only that person's when userId is given); false when there was none. */
  deletePushSubscription(input: { endpoint: string; userId?: string }): Promise<boolean>;
}
