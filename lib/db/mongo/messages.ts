/** The MongoDB messages adapter: create (seq, uploads, outbox), page, edit, delete, react. */
import type { FilterQuery } from 'mongoose';

import type { MessagesPort } from '../ports/messages';
import { checkFields, pageSize, readsUpwards, seqPage, uniqueIds } from '../rules';
import type { Attachment, DailyActivity } from '../types';
import { toMessage } from './message-mapper';
import type { ConversationDoc, MessageDoc, Models, UploadDoc } from './models';
import { outboxFieldsFor, outboxFunctions } from './outbox';
import { searchFields } from './search-fields';
import { reservedSeq, reserveSeqUpdate } from './seq-reservation';
import { threadSummaries, threadWriter } from './threads';
import { toAttachment } from './uploads';
import { duplicateKeyField } from './users';

export function messageFunctions(models: Models): MessagesPort {
  const { Conversation, Membership, Message, Upload } = models;
  const outbox = outboxFunctions(models);
  const withThreads = threadSummaries(models);
  const threads = threadWriter(models);
  const one = async (doc: MessageDoc | null) =>
    doc ? (await withThreads([toMessage(doc)]))[0]! : null;
  const byId = async (id: string) => one(await Message.findById(id).lean<MessageDoc>());
  const after = { returnDocument: 'after' } as const;
  // The main timeline: everything but thread replies kept in their thread (older documents
  // have no threadRootId, which matches null).
  const inTimeline: FilterQuery<MessageDoc> = {
    $or: [{ threadRootId: null }, { alsoInConversation: true }],
  };

  /** The uploads as attachments, in the order given; null when one is unknown or claimed. */
  async function attachmentsFor(ids: string[]): Promise<Attachment[] | null> {
    if (ids.length === 0) return [];
    const docs = await Upload.find({ _id: { $in: ids }, messageId: null }).lean<UploadDoc[]>();
    const byId = new Map(docs.map((u) => [u._id, toAttachment(u)]));
    const attachments = ids.flatMap((id) => byId.get(id) ?? []);
    return attachments.length === ids.length ? attachments : null;
  }

  /** The seq for a new message: the atomic step that keeps seqs unique and gap-free. */
  async function takeSeq(
    conversationId: string,
    send: { authorId: string; clientId: string } | null,
    now: Date,
  ): Promise<number> {
    const fields = send === null ? { lastSeq: 1 } : { lastSeq: 1, recentSends: 1 };
    const conversation = await Conversation.findOneAndUpdate(
      { _id: conversationId },
      send === null
        ? { $inc: { lastSeq: 1 }, $set: { lastActivityAt: now } }
        : reserveSeqUpdate(send.authorId, send.clientId, now),
      { ...after, projection: fields },
    ).lean<Pick<ConversationDoc, 'lastSeq' | 'recentSends'>>();
    if (!conversation) throw new Error(`No conversation with id ${conversationId}`);
    const seq =
      send === null
        ? conversation.lastSeq
        : reservedSeq(conversation, send.authorId, send.clientId);
    if (seq === null) throw new Error('The reserved seq went missing');
    return seq;
  }

  return {
    async messageActivity({ since, assistantId }) {
      const byAssistant = { $eq: ['$authorId', assistantId] };
      const rows = await models.Message.aggregate<DailyActivity & { _id: string }>([
        { $match: { createdAt: { $gte: since }, kind: 'user' } },
        {
          $group: {
            _id: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt', timezone: 'UTC' } },
            messages: { $sum: { $cond: [byAssistant, 0, 1] } },
            aiReplies: { $sum: { $cond: [byAssistant, 1, 0] } },
            authors: { $addToSet: '$authorId' },
          },
        },
        {
          $project: {
            _id: 1,
            messages: 1,
            aiReplies: 1,
            people: { $size: { $setDifference: ['$authors', [assistantId]] } },
          },
        },
        { $sort: { _id: 1 } },
      ]);
      return rows.map((r) => ({
        day: r._id,
        messages: r.messages,
        people: r.people,
        aiReplies: r.aiReplies,
      }));
    },

    async createMessage({
      conversationId,
      authorId,
      body,
      clientId = null,
      replyToId = null,
      attachmentIds = [],
      mentions = [],
      system = null,
      threadRootId = null,
      alsoInConversation = false,
      jobs,
    }) {
      checkFields({ messageBody: body });
      // Only a person's sends with a clientId are idempotent (SQLite's NULLs are all distinct).
      const send = authorId !== null && clientId !== null ? { authorId, clientId } : null;
      const stored = async () =>
        send && Message.findOne({ conversationId, ...send }, { outbox: 0 }).lean<MessageDoc>();
      // A retry: the first attempt's message, unchanged, and its follow-up jobs written again
      // under their dedupe ids (a missing one is re-created, as SQLite does).
      const asRetry = async (doc: MessageDoc) => {
        const message = toMessage(doc);
        const queued = jobs ? await outbox.relay('Message', doc._id, jobs(message)) : [];
        return { message, created: false, queued };
      };
      const earlier = await stored();
      if (earlier) return asRetry(earlier);
      const attachments = await attachmentsFor(uniqueIds(attachmentIds));
      if (!attachments) {
        // Claimed meanwhile by a concurrent retry of this very send? Then that is the answer.
        const retried = await stored();
        if (retried) return asRetry(retried);
        throw new Error('An upload is unknown or already claimed');
      }

      const doc = new Message({
        conversationId,
        authorId,
        kind: system ? 'system' : 'user',
        body,
        clientId,
        replyToId,
        attachments,
        mentions,
        system,
        ...searchFields(system ? 'system' : 'user', body),
        threadRootId,
        alsoInConversation: threadRootId !== null && alsoInConversation,
      });
      // Checked before taking a seq, so a refused message leaves no gap behind.
      await doc.validate({ pathsToSkip: ['seq'] });
      const now = new Date();
      doc.seq = await takeSeq(conversationId, send, now);
      doc.createdAt = now;
      // The outbox rides on the message document: one atomic write, relayed below.
      const followUps = jobs?.(toMessage(doc.toObject())) ?? [];
      doc.set(outboxFieldsFor(followUps, now));
      try {
        await doc.save();
      } catch (error) {
        // A concurrent retry (same clientId, so the same seq) got there first: answer with its
        // message.
        const winner = duplicateKeyField(error) === null ? null : await stored();
        if (!winner) throw error;
        return asRetry(winner);
      }
      const { seq } = doc;
      if (threadRootId !== null)
        await threads.addReply({
          rootId: threadRootId,
          conversationId,
          authorId,
          seq,
          at: now,
          mentions,
        });
      await Promise.all([
        // A reply kept in its thread is read in the thread, not in the conversation.
        authorId !== null &&
          (threadRootId === null || alsoInConversation) &&
          Membership.updateOne(
            { conversationId, userId: authorId },
            { $max: { lastReadSeq: seq } },
          ),
        attachments.length > 0 &&
          Upload.updateMany(
            { _id: { $in: attachments.map((a) => a.id) }, messageId: null },
            { $set: { conversationId, messageId: doc._id } },
          ),
      ]);
      const queued = followUps.length > 0 ? await outbox.relay('Message', doc._id, followUps) : [];
      return { message: toMessage(doc.toObject()), created: true, queued };
    },

    getMessage: ({ id }) => byId(id),

    async getMessages({ ids }) {
      if (ids.length === 0) return [];
      const docs = await Message.find({ _id: { $in: ids } }).lean<MessageDoc[]>();
      return withThreads(docs.map(toMessage));
    },

    async listMessages({ conversationId, before, after: afterSeq, limit }) {
      const size = pageSize(limit);
      // Walking up from `after`; otherwise down from `before` or the newest (and, as in SQLite,
      // staying above `after` when both are given).
      const up = readsUpwards({ before, after: afterSeq });
      const seq: { $gt?: number; $lt?: number } = {};
      if (afterSeq !== undefined) seq.$gt = afterSeq;
      if (before !== undefined) seq.$lt = before;
      const filter: FilterQuery<MessageDoc> = { conversationId };
      if (Object.keys(seq).length > 0) filter.seq = seq;
      // One more than asked for says whether there is more in the direction of travel.
      const rows = await Message.find(filter)
        .sort({ seq: up ? 1 : -1 })
        .limit(size + 1)
        .lean<MessageDoc[]>();
      const { page, hasMore } = seqPage(rows, size, up);
      return { messages: await withThreads(page.map(toMessage)), hasMore };
    },

    async countTimelineMessages({ conversationId, afterSeq }) {
      return Message.countDocuments({ conversationId, seq: { $gt: afterSeq }, ...inTimeline });
    },

    async latestTimelineMessage({ conversationId }) {
      const doc = await Message.findOne({ conversationId, ...inTimeline })
        .sort({ seq: -1 })
        .lean<MessageDoc>();
      return doc ? one(doc) : null;
    },

    async editMessage({ id, body, mentions }) {
      checkFields({ messageBody: body });
      // A tombstone stays a tombstone (and is returned as it is).
      const doc = await Message.findOneAndUpdate(
        { _id: id, deletedAt: null },
        { $set: { body, mentions, editedAt: new Date(), ...searchFields('user', body) } },
        { ...after, runValidators: true },
      ).lean<MessageDoc>();
      return doc ? one(doc) : byId(id);
    },

    async deleteMessage({ id }) {
      // The first deletion's time stands; deleting a tombstone again changes nothing.
      const doc = await Message.findOneAndUpdate(
        { _id: id, deletedAt: null },
        {
          $set: {
            body: '',
            attachments: [],
            mentions: [],
            reactions: [],
            deletedAt: new Date(),
            ...searchFields('user', '', true),
          },
        },
        after,
      ).lean<MessageDoc>();
      // Only the deletion that made the tombstone uncounts the reply.
      if (doc?.threadRootId) await threads.removeReply(doc.threadRootId);
      return doc ? one(doc) : byId(id);
    },

    async setReaction({ messageId, userId, emoji, present }) {
      const entry = { emoji, userId };
      // Added only when absent (and never to a tombstone), removed wherever present: repeats
      // change nothing.
      const doc = present
        ? await Message.findOneAndUpdate(
            { _id: messageId, deletedAt: null, reactions: { $not: { $elemMatch: entry } } },
            { $push: { reactions: entry } },
            after,
          ).lean<MessageDoc>()
        : await Message.findOneAndUpdate(
            { _id: messageId },
            { $pull: { reactions: entry } },
            after,
          ).lean<MessageDoc>();
      return doc ? one(doc) : byId(messageId);
    },
  };
}
