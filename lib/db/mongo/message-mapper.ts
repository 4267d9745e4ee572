/** MongoDB message documents as messages: reactions grouped as SQLite orders them. */
import { attachmentsSchema, systemEventSchema } from '../json-columns';
import type { Message, Reaction } from '../types';
import type { MessageDoc, ReactionEntry } from './models';

/**
 * Reactions are stored one per person and emoji, in the order they were made; grouped here, an
 * emoji sits where its earliest standing reaction is and lists people in reaction order (as
 * SQLite's reactions table ordered by time reads).
 */
export function groupReactions(entries: readonly ReactionEntry[]): Reaction[] {
  const byEmoji = new Map<string, string[]>();
  for (const { emoji, userId } of entries) {
    const userIds = byEmoji.get(emoji);
    if (!userIds) byEmoji.set(emoji, [userId]);
    else if (!userIds.includes(userId)) userIds.push(userId);
  }
  return [...byEmoji].map(([emoji, userIds]) => ({ emoji, userIds }));
}

export function toMessage(doc: MessageDoc): Message {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    seq: doc.seq,
    authorId: doc.authorId ?? null,
    kind: doc.kind,
    body: doc.body ?? '',
    clientId: doc.clientId ?? null,
    replyToId: doc.replyToId ?? null,
    // Parsed, never cast: a corrupt document fails loudly (and loses mongoose's extras).
    attachments: attachmentsSchema.parse(doc.attachments ?? []),
    mentions: [...(doc.mentions ?? [])],
    reactions: groupReactions(doc.reactions ?? []),
    system: doc.system == null ? null : systemEventSchema.parse(doc.system),
    threadRootId: doc.threadRootId ?? null,
    alsoInConversation: doc.alsoInConversation ?? false,
    // Read from the threads collection by the functions below (threadSummaries).
    thread: null,
    createdAt: doc.createdAt,
    editedAt: doc.editedAt ?? null,
    deletedAt: doc.deletedAt ?? null,
  };
}
