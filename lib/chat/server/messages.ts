import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { assertAssistantCanAnswer } from '@/lib/assistant/server/addressing';
import { getBlobStore } from '@/lib/blob';
import type { Store } from '@/lib/db';
import type { Message, SystemEvent, User } from '@/lib/db/types';
import { log } from '@/lib/log';
import { readConversationNotifications } from '@/lib/notifications/server/service';
import { publishToConversation } from '@/lib/realtime/server/publish';

import { requireAuthor, requireMember, requireMessageAccess } from './access';
import { afterCommit, messageCreatedJob } from './after-commit';
import { announce } from './events';
import { announceThread, requireThreadRoot } from './thread-replies';
import { unreadIn } from './unread';
import { extractMentions } from '../mentions';
import { toMessageWire } from '../present';
import type { SendMessageInput } from '../schemas';
import type { MessageWire } from '../wire';
import type {
  MembershipsPort,
  ConversationsPort,
  MessagesPort,
  NotificationsPort,
} from '@/lib/db/store';

/** Distinct emoji one message can carry, so a message cannot be turned into a wall of them. */
export const MAX_REACTION_KINDS = 20;

/** Adds reply previews: one batched read for the targets not in the page itself. */
export async function withReplies(
  store: Pick<Store, 'getMessages'>,
  messages: Message[],
): Promise<MessageWire[]> {
  const inPage = new Map(messages.map((m) => [m.id, m]));
  const missing = [
    ...new Set(
      messages.map((m) => m.replyToId).filter((id): id is string => !!id && !inPage.has(id)),
    ),
  ];
  if (missing.length > 0)
    for (const m of await store.getMessages({ ids: missing })) inPage.set(m.id, m);
  return messages.map((m) =>
    toMessageWire(m, m.replyToId ? (inPage.get(m.replyToId) ?? null) : null),
  );
}

async function mentionsIn(
  store: Pick<Store, 'getUsersByIds' | 'listMemberships'>,
  conversationId: string,
  body: string,
): Promise<string[]> {
  if (!body.includes('@')) return [];
  const memberships = await store.listMemberships({ conversationId });
  const users = await store.getUsersByIds({ ids: memberships.map((m) => m.userId) });
  return extractMentions(body, users);
}

/**
 * Attachments must be the sender's own uploads, not yet claimed — or claimed by this very send
 * (a retry with the same clientId, which the store answers with the stored message).
 */
async function requireUsableUploads(
  store: Pick<Store, 'getMessages' | 'getUploads'>,
  user: User,
  ids: string[],
  clientId: string,
): Promise<void> {
  if (ids.length === 0) return;
  const uploads = await store.getUploads({ ids });
  const claimedBy = await store.getMessages({
    ids: uploads.flatMap((u) => (u.messageId ? [u.messageId] : [])),
  });
  const retriedHere = new Set(
    claimedBy.filter((m) => m.authorId === user.id && m.clientId === clientId).map((m) => m.id),
  );
  const usable = uploads.filter(
    (u) => u.userId === user.id && (u.messageId === null || retriedHere.has(u.messageId)),
  );
  if (usable.length !== ids.length) {
    throw new ApiError(
      'validation_failed',
      'An attached image is missing or already used; attach it again.',
      { fields: { attachmentIds: 'Upload each image with POST /uploads first' } },
    );
  }
}

/**
 * Records a membership change (calls, games) in the conversation, live for everyone; returns the
 * stored message (a game keeps its card's id).
 */
export async function postSystemMessage(
  store: MembershipsPort & Pick<Store, 'createMessage'>,
  conversationId: string,
  system: SystemEvent,
): Promise<Message> {
  const { message } = await store.createMessage({
    conversationId,
    authorId: null,
    body: '',
    system,
  });
  await announce(store, conversationId, [
    { type: 'message.created', conversationId, seq: message.seq, message: toMessageWire(message) },
  ]);
  return message;
}

/**
 * Stores a message the server writes on someone's behalf (the assistant's replies) and announces
 * it like sendMessage does. No membership, upload or mention checks: the caller decided it may
 * speak here. The same clientId again returns the stored message and publishes nothing.
 */
export async function postMessageAs(
  store: MembershipsPort & Pick<Store, 'createMessage' | 'listJobs' | 'relayOutbox'>,
  input: {
    conversationId: string;
    authorId: string;
    body: string;
    clientId: string;
    replyTo: Message | null;
  },
): Promise<{ message: MessageWire; created: boolean }> {
  const stored = await store.createMessage({
    conversationId: input.conversationId,
    authorId: input.authorId,
    body: input.body,
    clientId: input.clientId,
    replyToId: input.replyTo?.id ?? null,
    mentions: [],
    // Notifications, as for any message (the person who asked may have left); the assistant's
    // own messages never call it again (isAssistantAddressed).
    jobs: messageCreatedJob,
  });
  const wire = toMessageWire(stored.message, input.replyTo);
  await afterCommit(store, { ...stored, wire });
  return { message: wire, created: stored.created };
}

export async function listMessages(
  store: ConversationsPort & MembershipsPort & Pick<Store, 'getMessages' | 'listMessages'>,
  user: User,
  input: {
    conversationId: string;
    before?: number;
    after?: number;
    around?: number;
    limit: number;
  },
): Promise<{ messages: MessageWire[]; hasMore: boolean; hasMoreAfter?: boolean }> {
  await requireMember(store, input.conversationId, user.id);
  const { around, ...rest } = input;
  if (around !== undefined) {
    // The message and the older half (before is exclusive), then the newer half.
    const { conversationId, limit } = input;
    const older = await store.listMessages({
      conversationId,
      before: around + 1,
      limit: Math.ceil(limit / 2),
    });
    const newer = await store.listMessages({
      conversationId,
      after: around,
      limit: limit >> 1 || 1,
    });
    return {
      messages: await withReplies(store, [...older.messages, ...newer.messages]),
      hasMore: older.hasMore,
      hasMoreAfter: newer.hasMore,
    };
  }
  const page = await store.listMessages(rest);
  return { messages: await withReplies(store, page.messages), hasMore: page.hasMore };
}

/** What a send reads and writes: the message, its checks, and its jobs' relay (afterCommit). */
type SendStore = ConversationsPort &
  MembershipsPort &
  MessagesPort &
  Pick<Store, 'getUploads' | 'getUsersByIds' | 'listJobs' | 'relayOutbox'>;

/**
 * Sends a message. A retried send (same clientId) returns the stored message with created:
 * false and publishes nothing new: the first attempt already did (its job, if it went missing,
 * is written again).
 */
export async function sendMessage(
  store: SendStore,
  user: User,
  conversationId: string,
  input: SendMessageInput,
): Promise<{ message: MessageWire; created: boolean }> {
  const { conversation } = await requireMember(store, conversationId, user.id);
  let replyTo: Message | null = null;
  if (input.replyToId) {
    replyTo = await store.getMessage({ id: input.replyToId });
    if (!replyTo || replyTo.conversationId !== conversationId) {
      throw new ApiError(
        'validation_failed',
        'The message you replied to is not in this conversation.',
        {
          fields: { replyToId: 'Not a message in this conversation' },
        },
      );
    }
  }
  const threadRootId = input.threadRootId ?? null;
  if (threadRootId) await requireThreadRoot(store, conversationId, threadRootId);
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  await requireUsableUploads(store, user, attachmentIds, input.clientId);
  await assertAssistantCanAnswer({ store, conversation, body: input.body });
  const stored = await store.createMessage({
    conversationId,
    authorId: user.id,
    body: input.body,
    clientId: input.clientId,
    replyToId: input.replyToId ?? null,
    attachmentIds,
    mentions: await mentionsIn(store, conversationId, input.body),
    threadRootId,
    alsoInConversation: input.alsoSendToConversation ?? false,
    jobs: messageCreatedJob,
  });
  const wire = toMessageWire(stored.message, replyTo);
  await afterCommit(store, { ...stored, wire });
  if (stored.created && threadRootId) await announceThread(store, threadRootId);
  return { message: wire, created: stored.created };
}

export async function editMessage(
  store: ConversationsPort & MembershipsPort & MessagesPort & Pick<Store, 'getUsersByIds'>,
  user: User,
  messageId: string,
  body: string,
): Promise<MessageWire> {
  const { message } = await requireMessageAccess(store, messageId, user.id);
  requireAuthor(message, user.id);
  if (message.body === body) return (await withReplies(store, [message]))[0]!;
  const mentions = await mentionsIn(store, message.conversationId, body);
  const edited = await store.editMessage({ id: messageId, body, mentions });
  if (!edited) throw new ApiError('not_found', 'That message was not found.');
  const [wire] = await withReplies(store, [edited]);
  await announce(store, edited.conversationId, [
    {
      type: 'message.updated',
      conversationId: edited.conversationId,
      seq: edited.seq,
      message: wire!,
    },
  ]);
  return wire!;
}

export async function deleteMessage(
  store: ConversationsPort & MembershipsPort & MessagesPort & Pick<Store, 'unpinMessage'>,
  user: User,
  messageId: string,
): Promise<void> {
  const { message } = await requireMessageAccess(store, messageId, user.id);
  requireAuthor(message, user.id);
  const deleted = await store.deleteMessage({ id: messageId });
  if (!deleted) return;
  // The images go too: a deleted message must not leave its pictures reachable.
  const blobs = getBlobStore();
  await Promise.all(
    message.attachments
      .flatMap((a) => [a.key, a.thumbKey])
      .map((key) =>
        blobs.delete(key).catch((err: unknown) => log.warn({ err, key }, 'blob delete failed')),
      ),
  );
  // A deleted message leaves the conversation's pins too.
  const unpinned = await store.unpinMessage({
    conversationId: deleted.conversationId,
    messageId: deleted.id,
  });
  await announce(store, deleted.conversationId, [
    {
      type: 'message.deleted',
      conversationId: deleted.conversationId,
      seq: deleted.seq,
      message: toMessageWire(deleted),
    },
    ...(unpinned
      ? [
          {
            type: 'pin.changed' as const,
            conversationId: deleted.conversationId,
            messageId: deleted.id,
            pinned: false,
            userId: user.id,
          },
        ]
      : []),
  ]);
  // A deleted reply no longer counts in its root's "N replies".
  if (deleted.threadRootId) await announceThread(store, deleted.threadRootId);
}

export async function setReaction(
  store: ConversationsPort & MembershipsPort & MessagesPort,
  user: User,
  input: { messageId: string; emoji: string; present: boolean },
): Promise<MessageWire> {
  const { message } = await requireMessageAccess(store, input.messageId, user.id);
  if (message.deletedAt) throw new ApiError('conflict', 'This message was deleted.');
  if (message.kind === 'system')
    throw new ApiError('forbidden', 'System messages take no reactions.');
  const kinds = new Set(message.reactions.map((r) => r.emoji));
  if (input.present && !kinds.has(input.emoji) && kinds.size >= MAX_REACTION_KINDS) {
    throw new ApiError(
      'validation_failed',
      `A message holds at most ${MAX_REACTION_KINDS} different reactions.`,
    );
  }
  const had = message.reactions.some((r) => r.emoji === input.emoji && r.userIds.includes(user.id));
  const updated = await store.setReaction({ ...input, userId: user.id });
  if (!updated) throw new ApiError('not_found', 'That message was not found.');
  if (had !== input.present) {
    await announce(store, updated.conversationId, [
      {
        type: 'reaction.changed',
        conversationId: updated.conversationId,
        seq: updated.seq,
        messageId: updated.id,
        reactions: updated.reactions,
      },
    ]);
  }
  return (await withReplies(store, [updated]))[0]!;
}

/** A read that moves further than this tells every member (rare: someone back from a break). */
const RECEIPT_SCAN_LIMIT = 100;

/**
 * Who a read position moving from `from` to `to` matters to: the reader (their other tabs and
 * badges) and the authors of the messages read, whose "Seen"/"Seen by" sits under their newest
 * message; nobody else's receipt changes. In a group of 25 that is two inboxes instead of 25, on
 * what is the most frequent write of a chat (issue #19: PartyKit's free requests per day).
 */
async function readAudience(
  store: MembershipsPort & Pick<MessagesPort, 'listMessages'>,
  conversationId: string,
  readerId: string,
  from: number,
  to: number,
): Promise<string[]> {
  const members = (await store.listMemberships({ conversationId })).map((m) => m.userId);
  if (to - from > RECEIPT_SCAN_LIMIT) return members;
  const { messages } = await store.listMessages({ conversationId, after: from, limit: to - from });
  const authors = new Set(messages.flatMap((m) => (m.seq <= to && m.authorId ? [m.authorId] : [])));
  return members.filter((id) => id === readerId || authors.has(id));
}

/**
 * Moves the read position forward (never back) and tells who it matters to (readAudience): the
 * reader's tabs and the authors whose receipts change.
 */
export async function markRead(
  store: ConversationsPort &
    MembershipsPort &
    NotificationsPort &
    Pick<MessagesPort, 'listMessages' | 'countTimelineMessages'>,
  user: User,
  conversationId: string,
  seq: number,
): Promise<{ conversationId: string; lastReadSeq: number; unreadCount: number }> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  const updated = (await store.markRead({ conversationId, userId: user.id, seq })) ?? membership;
  if (updated.lastReadSeq !== membership.lastReadSeq) {
    await publishToConversation({
      conversationId,
      recipients: await readAudience(
        store,
        conversationId,
        user.id,
        membership.lastReadSeq,
        updated.lastReadSeq,
      ),
      events: [
        { type: 'read.updated', conversationId, userId: user.id, lastReadSeq: updated.lastReadSeq },
      ],
    });
    await readConversationNotifications(store, user.id, conversationId, updated.lastReadSeq);
  }
  return {
    conversationId,
    lastReadSeq: updated.lastReadSeq,
    unreadCount: await unreadIn(store, conversation, updated.lastReadSeq),
  };
}
