import type { Conversation, ConversationForMember, MemberRole, Membership } from '../types';

/** Direct conversations and groups. */
export interface ConversationsPort {
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
}

/** Who belongs to a conversation, with their role, mute and read position. */
export interface MembershipsPort {
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
  /**
   * "Mark unread" from message `seq` on: moves the read position back to `seq - 1` (never
   * forwards: a position already before it stays). Returns the membership, or null for non-members.
   */
  markUnread(input: {
    conversationId: string;
    userId: string;
    seq: number;
  }): Promise<Membership | null>;
}
