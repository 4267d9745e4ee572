import 'server-only';

import { ApiError, notFound } from '@/lib/api/errors';
import type { ConversationsPort, MembershipsPort, MessagesPort } from '@/lib/db/store';
import type { Conversation, Membership, Message } from '@/lib/db/types';

/**
 * Membership is checked on every conversation access. A person who is not a member gets the
 * same 404 as for a conversation that does not exist, so ids cannot be probed.
 */
export async function requireMember(
  store: ConversationsPort & MembershipsPort,
  conversationId: string,
  userId: string,
): Promise<{ conversation: Conversation; membership: Membership }> {
  const [conversation, membership] = await Promise.all([
    store.getConversation({ id: conversationId }),
    store.getMembership({ conversationId, userId }),
  ]);
  if (!conversation || !membership) throw notFound('That conversation');
  return { conversation, membership };
}

/** Renaming and removing others: owners and admins of a group. */
export function requireAdmin(conversation: Conversation, membership: Membership): void {
  if (conversation.kind !== 'group') {
    throw new ApiError('forbidden', 'Direct conversations have no admins; start a group instead.');
  }
  if (membership.role === 'member') {
    throw new ApiError('forbidden', 'Only the group’s owner and admins can do that.');
  }
}

/** A message the caller may see: it exists and they belong to its conversation. */
export async function requireMessageAccess(
  store: MessagesPort & ConversationsPort & MembershipsPort,
  messageId: string,
  userId: string,
): Promise<{ message: Message; conversation: Conversation; membership: Membership }> {
  const message = await store.getMessage({ id: messageId });
  if (!message) throw notFound('That message');
  const membership = await store.getMembership({ conversationId: message.conversationId, userId });
  const conversation = membership
    ? await store.getConversation({ id: message.conversationId })
    : null;
  if (!membership || !conversation) throw notFound('That message');
  return { message, conversation, membership };
}

/** Editing and deleting: the author only. */
export function requireAuthor(message: Message, userId: string): void {
  if (message.authorId !== userId) {
    throw new ApiError('forbidden', 'Only the person who wrote a message can change it.');
  }
  if (message.deletedAt) {
    throw new ApiError('conflict', 'This message was deleted.');
  }
}
