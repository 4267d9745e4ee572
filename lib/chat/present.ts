import type { Attachment, Conversation, Membership, Message, User } from '@/lib/db/types';
import { avatarUrl } from '@/lib/users/present';

import type { AttachmentWire, ConversationWire, MemberWire, MessageWire } from './wire';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Attachment URLs go through an authorized route: only members of the conversation load them. */
export function toAttachmentWire(a: Attachment): AttachmentWire {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    width: a.width,
    height: a.height,
    url: `/api/v1/uploads/${a.id}`,
    thumbUrl: `/api/v1/uploads/${a.id}?size=thumb`,
  };
}

const PREVIEW_LENGTH = 140;

export function toMessageWire(message: Message, replyTo: Message | null = null): MessageWire {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    authorId: message.authorId,
    kind: message.kind,
    body: message.body,
    clientId: message.clientId,
    replyToId: message.replyToId,
    replyTo: replyTo
      ? {
          id: replyTo.id,
          authorId: replyTo.authorId,
          body: replyTo.deletedAt ? '' : replyTo.body.slice(0, PREVIEW_LENGTH),
          deleted: replyTo.deletedAt !== null,
        }
      : null,
    attachments: message.attachments.map(toAttachmentWire),
    mentions: message.mentions,
    reactions: message.reactions,
    system: message.system,
    threadRootId: message.threadRootId,
    alsoInConversation: message.alsoInConversation,
    thread: message.thread && {
      replyCount: message.thread.replyCount,
      lastReplySeq: message.thread.lastReplySeq,
      lastReplyAt: message.thread.lastReplyAt.toISOString(),
      participantIds: message.thread.participantIds,
    },
    createdAt: message.createdAt.toISOString(),
    editedAt: iso(message.editedAt),
    deletedAt: iso(message.deletedAt),
  };
}

export function toMemberWire(membership: Membership, user: User | undefined): MemberWire {
  return {
    id: membership.userId,
    name: user?.name ?? 'Former member',
    image: user ? avatarUrl(user) : null,
    role: membership.role,
    lastReadSeq: membership.lastReadSeq,
    statusText: user?.statusText ?? null,
  };
}

/** A conversation as `viewerId` sees it: a direct one is named after the other person. */
export function toConversationWire(input: {
  conversation: Conversation;
  membership: Membership;
  members: MemberWire[];
  lastMessage: MessageWire | null;
  /** Main-timeline messages after the viewer's read position (countTimelineMessages). */
  unreadCount: number;
  viewerId: string;
}): ConversationWire {
  const { conversation: c, membership, members, lastMessage, unreadCount, viewerId } = input;
  const other = members.find((m) => m.id !== viewerId);
  return {
    id: c.id,
    kind: c.kind,
    name: c.kind === 'group' ? (c.name ?? 'Group') : (other?.name ?? 'Just you'),
    members,
    lastMessage,
    lastSeq: c.lastSeq,
    lastReadSeq: membership.lastReadSeq,
    unreadCount,
    muted: membership.muted,
    lastActivityAt: c.lastActivityAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}
