import 'server-only';

import { plainPreview } from '@/lib/chat/plain-text';
import type { Store } from '@/lib/db';
import type {
  NotificationSettingsPort,
  NotificationsPort,
  PushSubscriptionsPort,
} from '@/lib/db/store';
import type { Conversation, Membership, Message } from '@/lib/db/types';
import { getConversationViewers } from '@/lib/realtime/server/publish';

import { deliverNotification, type Delivery } from './deliver';
import { memberFacts } from './members';
import { messageRecipients, type MemberFacts } from '../rules';

/** A person's message with what jobs about it read: its conversation and members. */
export type NewMessageContext = {
  message: Message & { authorId: string };
  conversation: Conversation;
  memberships: Membership[];
};

/**
 * The message a job is about, or null when there is nothing to do: deleted before the job got
 * to it, gone, or never a person's message (system messages notify nobody).
 */
export async function loadNewMessage(
  store: Pick<Store, 'getConversation' | 'getMessage' | 'listMemberships'>,
  messageId: string,
): Promise<NewMessageContext | null> {
  const message = await store.getMessage({ id: messageId });
  if (!message || message.deletedAt || message.kind !== 'user' || !message.authorId) return null;
  const authorId = message.authorId;
  const [conversation, memberships] = await Promise.all([
    store.getConversation({ id: message.conversationId }),
    store.listMemberships({ conversationId: message.conversationId }),
  ]);
  return conversation ? { message: { ...message, authorId }, conversation, memberships } : null;
}

export type NotifyDeps = {
  store: NotificationsPort &
    PushSubscriptionsPort &
    NotificationSettingsPort &
    Pick<Store, 'getMessage' | 'getUserById' | 'listThreadFollowers'>;
  /** Who has the conversation open right now (the conversation room's viewers). */
  viewersOf?: (conversationId: string) => Promise<string[]>;
  /** In-app, push and digest delivery of one notification (lib/notifications/server/deliver.ts). */
  deliver?: (
    store: NotificationsPort & PushSubscriptionsPort & NotificationSettingsPort,
    delivery: Delivery,
  ) => Promise<void>;
};

/**
 * Notifies the members who should hear about a new message (lib/notifications/rules.ts): in the
 * app, by web push, and later by email if it stays unread. Idempotent: delivery keeps one
 * notification per person per message.
 */
export async function notifyAboutMessage(
  { store, viewersOf = getConversationViewers, deliver = deliverNotification }: NotifyDeps,
  { message, conversation, memberships }: NewMessageContext,
): Promise<void> {
  const replyTo = message.replyToId ? await store.getMessage({ id: message.replyToId }) : null;
  // Following is written in the reply's own transaction, so the followers are already known.
  const followerIds = message.threadRootId
    ? await store.listThreadFollowers({ rootId: message.threadRootId })
    : null;
  const decide = (viewers: ReadonlySet<string>, members: MemberFacts[]) =>
    messageRecipients({
      message: {
        authorId: message.authorId,
        kind: message.kind,
        deleted: false,
        mentions: message.mentions,
        replyToAuthorId: replyTo?.authorId ?? null,
        thread: followerIds && {
          followerIds,
          alsoInConversation: message.alsoInConversation,
        },
      },
      conversationKind: conversation.kind,
      members,
      viewers,
    });
  // Someone who already read past it (on another device, before this job ran) needs no ping.
  const members = await memberFacts(
    store,
    memberships.filter((m) => m.lastReadSeq < message.seq),
  );
  // Most group messages notify nobody (the default level is mentions and DMs): only when
  // someone would hear of it is the conversation room asked who is looking at it right now.
  if (decide(new Set(), members).length === 0) return;
  const [viewers, author] = await Promise.all([
    viewersOf(message.conversationId),
    store.getUserById({ id: message.authorId }),
  ]);
  const preview = plainPreview(message);
  for (const { userId, kind } of decide(new Set(viewers), members)) {
    await deliver(store, {
      userId,
      kind,
      conversation,
      actor: author,
      messageId: message.id,
      callId: null,
      seq: message.seq,
      preview,
    });
  }
}
