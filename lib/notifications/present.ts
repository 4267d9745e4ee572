import type { Conversation, Notification, User } from '@/lib/db/types';
import { toPublicUser } from '@/lib/users/present';

import type { NotificationWire } from './wire';

/** A DM is named after the other person, who is the actor of anything notified in it. */
export function placeName(conversation: Conversation | null, actor: User | null): string {
  if (!conversation) return 'A conversation';
  if (conversation.kind === 'group') return conversation.name ?? 'Group';
  return actor?.name ?? 'Direct message';
}

export function toNotificationWire(
  n: Notification,
  conversation: Conversation | null,
  actor: User | null,
): NotificationWire {
  return {
    id: n.id,
    kind: n.kind,
    conversationId: n.conversationId,
    conversationName: placeName(conversation, actor),
    messageId: n.messageId,
    callId: n.callId,
    seq: n.seq,
    actor: actor ? toPublicUser(actor) : null,
    preview: n.preview,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/** The sentence a bell, a push or an email leads with: "Ana mentioned you in Design". */
export function headline(n: Pick<NotificationWire, 'kind' | 'conversationName' | 'actor'>) {
  const who = n.actor?.name ?? 'Someone';
  switch (n.kind) {
    case 'mention':
      return `${who} mentioned you in ${n.conversationName}`;
    case 'reply':
      return `${who} replied to you in ${n.conversationName}`;
    case 'dm':
      return `${who} sent you a message`;
    case 'message':
      return `${who} in ${n.conversationName}`;
    case 'missed_call':
      return `Missed call from ${who}`;
    case 'game_challenge':
      return `${who} challenged you to a game`;
    case 'game_turn':
      return `Your move against ${who}`;
  }
}

/**
 * Where a notification leads: the conversation, at the message when there is one (a game's
 * notices: its card).
 */
export function notificationPath(n: Pick<NotificationWire, 'conversationId' | 'messageId'>) {
  const base = `/chats/${encodeURIComponent(n.conversationId)}`;
  return n.messageId ? `${base}?message=${encodeURIComponent(n.messageId)}` : base;
}
