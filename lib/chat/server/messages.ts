/** Sending, listing, editing and deleting messages, with reply previews (withReplies). */
import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { assertAssistantCanAnswer } from '@/lib/assistant/server/addressing';
import { getBlobStore } from '@/lib/blob';
import type { Store } from '@/lib/db';
import type { Message, User } from '@/lib/db/types';
import { log } from '@/lib/log';

import { requireAuthor, requireMember, requireMessageAccess } from './access';
import { afterCommit, messageCreatedJob } from './after-commit';
import { announce } from './events';
import { announceThread, requireThreadRoot } from './thread-replies';
import { extractMentions } from '../mentions';
import { toMessageWire } from '../present';
import type { SendMessageInput } from '../schemas';
import type { MessageWire } from '../wire';
import type { MembershipsPort, ConversationsPort, MessagesPort } from '@/lib/db/store';

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
