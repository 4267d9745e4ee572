import type { MessagesPort } from '../ports/messages';
import type { ThreadsPort } from '../ports/threads';
import { pageSize, readsUpwards, seqPage } from '../rules';
import { compareFollowedThreads, followersOnReply, MAX_THREAD_PARTICIPANTS } from '../thread-rules';
import type { Message, ThreadMembership, ThreadSummary } from '../types';
import type { MessageDoc, Models } from './models';
import type { ThreadDoc, ThreadMembershipDoc, ThreadModels } from './thread-models';

const toSummary = (doc: ThreadDoc): ThreadSummary => ({
  replyCount: doc.replyCount,
  lastReplySeq: doc.lastReplySeq,
  lastReplyAt: doc.lastReplyAt,
  participantIds: [...(doc.participants ?? [])],
});

const toMembership = (doc: ThreadMembershipDoc): ThreadMembership => ({
  rootId: doc.rootId,
  conversationId: doc.conversationId,
  userId: doc.userId,
  following: doc.following,
  lastReadSeq: doc.lastReadSeq,
  updatedAt: doc.updatedAt,
});

/** Adds the thread summaries of the roots among `messages`, in one query. */
export function threadSummaries({ Thread }: ThreadModels) {
  return async (messages: Message[]): Promise<Message[]> => {
    if (messages.length === 0) return messages;
    const docs = await Thread.find({ _id: { $in: messages.map((m) => m.id) } }).lean<ThreadDoc[]>();
    if (docs.length === 0) return messages;
    const byRoot = new Map(docs.map((d) => [d._id, toSummary(d)]));
    return messages.map((m) => ({ ...m, thread: byRoot.get(m.id) ?? null }));
  };
}

/**
 * The writes a reply makes after its message is stored. MongoDB runs them as separate atomic
 * updates (no multi-document transaction: the adapter works on a standalone server too), so a
 * crash between them can leave a summary one reply behind; the reply itself is never lost.
 */
export function threadWriter({ Message, Thread, ThreadMembership }: Models) {
  return {
    async addReply(input: {
      rootId: string;
      conversationId: string;
      authorId: string | null;
      seq: number;
      at: Date;
      mentions: string[];
    }): Promise<void> {
      const { rootId, conversationId, authorId, seq, at } = input;
      const existing = { $ifNull: ['$participants', []] };
      const participants =
        authorId === null
          ? existing
          : {
              $slice: [
                {
                  $concatArrays: [
                    [{ $literal: authorId }],
                    {
                      $filter: {
                        input: existing,
                        cond: { $ne: ['$$this', { $literal: authorId }] },
                      },
                    },
                  ],
                },
                MAX_THREAD_PARTICIPANTS,
              ],
            };
      await Thread.updateOne(
        { _id: rootId },
        [
          {
            $set: {
              conversationId: { $literal: conversationId },
              replyCount: { $add: [{ $ifNull: ['$replyCount', 0] }, 1] },
              lastReplySeq: { $max: [{ $ifNull: ['$lastReplySeq', 0] }, { $literal: seq }] },
              lastReplyAt: { $literal: at },
              participants,
            },
          },
        ],
        { upsert: true },
      );
      const root = await Message.findById(rootId, { authorId: 1 }).lean<
        Pick<MessageDoc, 'authorId'>
      >();
      const who = followersOnReply({
        authorId,
        rootAuthorId: root?.authorId ?? null,
        mentions: input.mentions,
      });
      const key = (userId: string) => ({ rootId, userId });
      const fresh = { conversationId, lastReadSeq: 0 };
      await ThreadMembership.bulkWrite([
        ...who.refollow.map((userId) => ({
          updateOne: {
            filter: key(userId),
            update: { $set: { following: true, updatedAt: at }, $setOnInsert: fresh },
            upsert: true,
          },
        })),
        ...who.followIfNew.map((userId) => ({
          updateOne: {
            filter: key(userId),
            update: { $setOnInsert: { ...fresh, following: true, updatedAt: at } },
            upsert: true,
          },
        })),
      ]);
      if (authorId !== null)
        await ThreadMembership.updateOne(key(authorId), { $max: { lastReadSeq: seq } });
    },
    async removeReply(rootId: string): Promise<void> {
      await Thread.updateOne({ _id: rootId, replyCount: { $gt: 0 } }, { $inc: { replyCount: -1 } });
    },
  };
}

export function threadFunctions(
  { Message, Thread, ThreadMembership }: Models,
  getMessages: MessagesPort['getMessages'],
): ThreadsPort {
  const after = { returnDocument: 'after' } as const;

  async function ensure(input: { rootId: string; conversationId: string; userId: string }) {
    await ThreadMembership.updateOne(
      { rootId: input.rootId, userId: input.userId },
      {
        $setOnInsert: {
          conversationId: input.conversationId,
          following: false,
          lastReadSeq: 0,
          updatedAt: new Date(),
        },
      },
      { upsert: true },
    );
  }

  return {
    async getThread({ rootId }) {
      const doc = await Thread.findById(rootId).lean<ThreadDoc>();
      return doc ? toSummary(doc) : null;
    },

    async listThreadReplies({ rootId, before, after: afterSeq, limit }) {
      const size = pageSize(limit);
      const up = readsUpwards({ before, after: afterSeq });
      const seq: { $gt?: number; $lt?: number } = {};
      if (afterSeq !== undefined) seq.$gt = afterSeq;
      if (before !== undefined) seq.$lt = before;
      const rows = await Message.find(
        { threadRootId: rootId, ...(Object.keys(seq).length > 0 ? { seq } : {}) },
        { _id: 1, seq: 1 },
      )
        .sort({ seq: up ? 1 : -1 })
        .limit(size + 1)
        .lean<Pick<MessageDoc, '_id' | 'seq'>[]>();
      const { page, hasMore } = seqPage(rows, size, up);
      const messages = await getMessages({ ids: page.map((r) => r._id) });
      return { messages: messages.sort((a, b) => a.seq - b.seq), hasMore };
    },

    async getThreadMembership({ rootId, userId }) {
      const doc = await ThreadMembership.findOne({ rootId, userId }).lean<ThreadMembershipDoc>();
      return doc ? toMembership(doc) : null;
    },

    async setThreadFollowing(input) {
      await ensure(input);
      const doc = await ThreadMembership.findOneAndUpdate(
        { rootId: input.rootId, userId: input.userId },
        { $set: { following: input.following, updatedAt: new Date() } },
        after,
      ).lean<ThreadMembershipDoc>();
      return toMembership(doc!);
    },

    async markThreadRead(input) {
      await ensure(input);
      const thread = await Thread.findById(input.rootId, { lastReplySeq: 1 }).lean<
        Pick<ThreadDoc, 'lastReplySeq'>
      >();
      const seq = Math.min(input.seq, thread?.lastReplySeq ?? 0);
      const doc = await ThreadMembership.findOneAndUpdate(
        { rootId: input.rootId, userId: input.userId },
        { $max: { lastReadSeq: seq } },
        after,
      ).lean<ThreadMembershipDoc>();
      return toMembership(doc!);
    },

    async listFollowedThreads({ userId, conversationIds, limit }) {
      if (conversationIds.length === 0) return [];
      const memberships = await ThreadMembership.find({
        userId,
        following: true,
        conversationId: { $in: conversationIds },
      }).lean<ThreadMembershipDoc[]>();
      const threads = await Thread.find({
        _id: { $in: memberships.map((m) => m.rootId) },
      }).lean<ThreadDoc[]>();
      const byRoot = new Map(threads.map((t) => [t._id, t]));
      const rows = await Promise.all(
        memberships.flatMap((m) => {
          const thread = byRoot.get(m.rootId);
          if (!thread) return [];
          return [
            Message.countDocuments({
              threadRootId: m.rootId,
              seq: { $gt: m.lastReadSeq },
              deletedAt: null,
              authorId: { $ne: userId },
            }).then((unreadCount) => ({
              rootId: m.rootId,
              conversationId: m.conversationId,
              thread: toSummary(thread),
              membership: toMembership(m),
              unreadCount,
            })),
          ];
        }),
      );
      return rows.sort(compareFollowedThreads).slice(0, pageSize(limit));
    },

    async listThreadMemberships({ rootId }) {
      const docs = await ThreadMembership.find({ rootId })
        .sort({ userId: 1 })
        .lean<ThreadMembershipDoc[]>();
      return docs.map(toMembership);
    },

    async listThreadFollowers({ rootId }) {
      const docs = await ThreadMembership.find({ rootId, following: true }, { userId: 1 })
        .sort({ userId: 1 })
        .lean<Pick<ThreadMembershipDoc, 'userId'>[]>();
      return docs.map((d) => d.userId);
    },
  };
}
