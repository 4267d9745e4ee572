import { isAssistant } from '@/lib/assistant/identity';
import type { ConversationKind, NotificationKind, NotificationLevel } from '@/lib/db/types';

/** Kinds that are "for you": the `mentions` level keeps these and drops plain group messages. */
export const PERSONAL_KINDS: readonly NotificationKind[] = [
  'mention',
  'dm',
  'reply',
  'missed_call',
  // A game's notices are always for one person: the one challenged, the one to move.
  'game_challenge',
  'game_turn',
];
/** What an email digest carries: things someone wrote to you that you have not read. */
export const DIGEST_KINDS: readonly NotificationKind[] = ['mention', 'dm', 'reply'];

export type MessageFacts = {
  authorId: string | null;
  kind: 'user' | 'system';
  deleted: boolean;
  mentions: string[];
  /** Author of the message this one replies to, if any. */
  replyToAuthorId: string | null;
  /**
   * A thread reply: who follows the thread (they hear of it as a reply), and whether it was also
   * sent to the conversation (otherwise it is no plain message to the others).
   */
  thread: { followerIds: readonly string[]; alsoInConversation: boolean } | null;
};

export type MemberFacts = { userId: string; muted: boolean; level: NotificationLevel };
export type Recipient = { userId: string; kind: NotificationKind };

/** What a message is to one member: a DM, a mention of them, a reply to them, or just a message. */
export function kindFor(
  message: MessageFacts,
  conversationKind: ConversationKind,
  userId: string,
): NotificationKind {
  if (conversationKind === 'direct') return 'dm';
  if (message.mentions.includes(userId)) return 'mention';
  if (message.replyToAuthorId === userId) return 'reply';
  if (message.thread?.followerIds.includes(userId)) return 'reply';
  return 'message';
}

/** Whether a member with these settings hears about a notification of `kind`. */
export function wants(member: Pick<MemberFacts, 'muted' | 'level'>, kind: NotificationKind) {
  if (member.muted || member.level === 'nothing') return false;
  return member.level === 'all' || PERSONAL_KINDS.includes(kind);
}

/**
 * Who is notified about a new message, and as what. Nobody hears about their own messages,
 * system messages, a conversation they muted or are looking at right now (`viewers`), or anything
 * their level excludes. The assistant is never notified: it answers through its own job.
 */
export function messageRecipients(input: {
  message: MessageFacts;
  conversationKind: ConversationKind;
  members: MemberFacts[];
  viewers: ReadonlySet<string>;
}): Recipient[] {
  const { message, conversationKind, members, viewers } = input;
  if (message.kind !== 'user' || message.deleted || !message.authorId) return [];
  return members.flatMap((member) => {
    if (member.userId === message.authorId || isAssistant(member.userId)) return [];
    if (viewers.has(member.userId)) return [];
    const kind = kindFor(message, conversationKind, member.userId);
    // A reply kept in its thread is for its followers and the mentioned, not the whole group.
    if (kind === 'message' && message.thread && !message.thread.alsoInConversation) return [];
    return wants(member, kind) ? [{ userId: member.userId, kind }] : [];
  });
}

/**
 * Who hears about a missed call: members the call rang for who neither joined nor declined,
 * unless they muted the conversation or turned notifications off.
 */
export function missedCallRecipients(input: {
  call: { startedBy: string; participants: string[]; declinedBy: string[] };
  members: MemberFacts[];
}): Recipient[] {
  const { call, members } = input;
  const answered = new Set([call.startedBy, ...call.participants, ...call.declinedBy]);
  return members.flatMap((member) => {
    if (answered.has(member.userId) || isAssistant(member.userId)) return [];
    return wants(member, 'missed_call') ? [{ userId: member.userId, kind: 'missed_call' }] : [];
  });
}

/**
 * Whether `userId` hears of a game notice (a challenge to them, or their move): never the
 * assistant or the person who caused it, nor someone who left, muted the conversation, turned
 * notifications off, or is looking at the conversation right now (`viewers`: they see the card
 * change). Both kinds are personal, so the default level keeps them.
 */
export function gameRecipient(input: {
  notice: { kind: 'game_challenge' | 'game_turn'; userId: string; actorId: string | null };
  members: MemberFacts[];
  viewers: ReadonlySet<string>;
}): Recipient | null {
  const { notice, members, viewers } = input;
  if (isAssistant(notice.userId) || notice.userId === notice.actorId) return null;
  if (viewers.has(notice.userId)) return null;
  const member = members.find((m) => m.userId === notice.userId);
  if (!member || !wants(member, notice.kind)) return null;
  return { userId: notice.userId, kind: notice.kind };
}
