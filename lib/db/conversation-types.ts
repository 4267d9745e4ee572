/** Records the store returns for conversations, messages, threads and pins. */
import type { CallKind, CallOutcome } from './call-types';

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
