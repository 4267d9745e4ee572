import type { HydratedDocument } from 'mongoose';

import type { ConversationsPort, MembershipsPort } from '../ports/conversations';
import { checkFields, directKey, groupMembers, uniqueIds } from '../rules';
import type { Conversation, MemberRole, Membership } from '../types';
import type { ConversationDoc, MembershipDoc, Models } from './models';
import { duplicateKeyField } from './users';

export function toConversation(doc: ConversationDoc): Conversation {
  return {
    id: doc._id,
    kind: doc.kind,
    name: doc.name ?? null,
    createdBy: doc.createdBy,
    lastSeq: doc.lastSeq ?? 0,
    lastActivityAt: doc.lastActivityAt,
    createdAt: doc.createdAt,
  };
}

export function toMembership(doc: MembershipDoc): Membership {
  return {
    conversationId: doc.conversationId,
    userId: doc.userId,
    role: doc.role,
    lastReadSeq: doc.lastReadSeq ?? 0,
    muted: doc.muted ?? false,
    joinedAt: doc.joinedAt,
  };
}

/** What conversation reads fetch: everything but the bookkeeping of recent sends. */
const CONVERSATION_PROJECTION = { recentSends: 0 } as const;

/** SQLite refuses memberships of people who do not exist (a foreign key); Mongo has none. */
export async function assertUsersExist({ User }: Models, ids: string[]): Promise<void> {
  const found = await User.find({ _id: { $in: ids } }, { _id: 1 }).lean<{ _id: string }[]>();
  const known = new Set(found.map((u) => u._id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw new Error(`No user with id ${missing}`);
}

export function conversationFunctions(models: Models): ConversationsPort {
  const { Conversation, Membership } = models;
  const byDirectKey = (directKey: string) =>
    Conversation.findOne({ directKey }, CONVERSATION_PROJECTION).lean<ConversationDoc>();

  /**
   * Saves a new conversation with its members. The memberships go in first, so whoever can see
   * the conversation (a concurrent findOrCreateDirect, say) finds its members too. When saving
   * the conversation fails, they are taken back out.
   */
  async function saveWithMembers(
    doc: HydratedDocument<ConversationDoc>,
    members: { userId: string; role: MemberRole }[],
  ): Promise<void> {
    await doc.validate();
    const joinedAt = doc.createdAt;
    await Membership.insertMany(members.map((m) => ({ conversationId: doc._id, ...m, joinedAt })));
    try {
      await doc.save({ validateBeforeSave: false });
    } catch (error) {
      await Membership.deleteMany({ conversationId: doc._id });
      throw error;
    }
  }

  return {
    async findOrCreateDirect({ userIds: [a, b], createdBy }) {
      const key = directKey(a, b);
      const existing = await byDirectKey(key);
      if (existing) return { conversation: toConversation(existing), created: false };

      await assertUsersExist(models, [a, b]);
      const now = new Date();
      const doc = new Conversation({
        kind: 'direct',
        name: null,
        directKey: key,
        createdBy,
        lastActivityAt: now,
        createdAt: now,
      });
      try {
        await saveWithMembers(doc, [
          { userId: a, role: 'owner' },
          { userId: b, role: 'owner' },
        ]);
      } catch (error) {
        // A concurrent call created it first (the unique directKey said no): use theirs.
        const winner = duplicateKeyField(error) === null ? null : await byDirectKey(key);
        if (!winner) throw error;
        return { conversation: toConversation(winner), created: false };
      }
      return { conversation: toConversation(doc.toObject()), created: true };
    },

    async createGroup({ name, ownerId, memberIds }) {
      checkFields({ groupName: name });
      const members = groupMembers(ownerId, memberIds);
      await assertUsersExist(
        models,
        members.map((m) => m.userId),
      );
      const now = new Date();
      const doc = new Conversation({
        kind: 'group',
        name,
        createdBy: ownerId,
        lastActivityAt: now,
        createdAt: now,
      });
      await saveWithMembers(doc, members);
      return toConversation(doc.toObject());
    },

    async getConversation({ id }) {
      const doc = await Conversation.findById(id, CONVERSATION_PROJECTION).lean<ConversationDoc>();
      return doc ? toConversation(doc) : null;
    },

    async renameConversation({ id, name }) {
      checkFields({ groupName: name });
      const doc = await Conversation.findOneAndUpdate(
        { _id: id },
        { $set: { name } },
        { returnDocument: 'after', runValidators: true, projection: CONVERSATION_PROJECTION },
      ).lean<ConversationDoc>();
      return doc ? toConversation(doc) : null;
    },

    async listConversations({ userId }) {
      const memberships = await Membership.find({ userId }).lean<MembershipDoc[]>();
      const mine = new Map(memberships.map((m) => [m.conversationId, m]));
      const conversations = await Conversation.find(
        { _id: { $in: [...mine.keys()] } },
        CONVERSATION_PROJECTION,
      )
        .sort({ lastActivityAt: -1, _id: -1 })
        .lean<ConversationDoc[]>();
      return conversations.flatMap((c) => {
        const membership = mine.get(c._id);
        return membership
          ? [{ conversation: toConversation(c), membership: toMembership(membership) }]
          : [];
      });
    },

    async listContacts({ userId, limit }) {
      // A non-positive limit would mean "no limit" to MongoDB.
      if (limit < 1) return [];
      const conversationIds = await Membership.distinct<string>('conversationId', { userId });
      // As SQLite: most recently active shared conversation first, so a short limit keeps the
      // people who matter, then by id.
      const rows = await Conversation.aggregate<{ _id: string }>([
        { $match: { _id: { $in: conversationIds } } },
        { $project: { lastActivityAt: 1 } },
        {
          $lookup: {
            from: Membership.collection.collectionName,
            localField: '_id',
            foreignField: 'conversationId',
            as: 'members',
          },
        },
        { $unwind: '$members' },
        { $match: { 'members.userId': { $ne: userId } } },
        { $group: { _id: '$members.userId', lastActivityAt: { $max: '$lastActivityAt' } } },
        { $sort: { lastActivityAt: -1, _id: 1 } },
        { $limit: Math.floor(limit) },
      ]);
      return rows.map((r) => r._id);
    },
  };
}

export function membershipFunctions(models: Models): MembershipsPort {
  const { Conversation, Membership } = models;
  const find = async (conversationId: string, userId: string) => {
    const doc = await Membership.findOne({ conversationId, userId }).lean<MembershipDoc>();
    return doc ? toMembership(doc) : null;
  };

  return {
    getMembership: ({ conversationId, userId }) => find(conversationId, userId),

    async listMemberships({ conversationId }) {
      const docs = await Membership.find({ conversationId })
        .sort({ joinedAt: 1, userId: 1 })
        .lean<MembershipDoc[]>();
      return docs.map(toMembership);
    },

    async addMembers({ conversationId, userIds, role = 'member' }) {
      const ids = uniqueIds(userIds);
      if (ids.length === 0) return [];
      // SQLite's foreign keys refuse memberships of unknown conversations and people.
      if (!(await Conversation.exists({ _id: conversationId }))) {
        throw new Error(`No conversation with id ${conversationId}`);
      }
      await assertUsersExist(models, ids);
      const joinedAt = new Date();
      // One insert each: the unique {conversationId, userId} index turns away existing members
      // (even ones added concurrently), and only the inserts that succeed are new.
      const added = await Promise.all(
        ids.map(async (userId): Promise<Membership | null> => {
          try {
            const doc = await Membership.create({ conversationId, userId, role, joinedAt });
            return toMembership(doc.toObject());
          } catch (error) {
            if (duplicateKeyField(error) === null) throw error;
            return null;
          }
        }),
      );
      return added.filter((m) => m !== null);
    },

    async removeMember({ conversationId, userId }) {
      const { deletedCount } = await Membership.deleteOne({ conversationId, userId });
      return deletedCount > 0;
    },

    async updateMembership({ conversationId, userId, role, muted }) {
      const set: Partial<MembershipDoc> = {};
      if (role !== undefined) set.role = role;
      if (muted !== undefined) set.muted = muted;
      if (Object.keys(set).length === 0) return find(conversationId, userId);
      const doc = await Membership.findOneAndUpdate(
        { conversationId, userId },
        { $set: set },
        { returnDocument: 'after', runValidators: true },
      ).lean<MembershipDoc>();
      return doc ? toMembership(doc) : null;
    },

    async markRead({ conversationId, userId, seq }) {
      const conversation = await Conversation.findById(conversationId, {
        lastSeq: 1,
      }).lean<Pick<ConversationDoc, 'lastSeq'>>();
      // Never past the newest message, never backwards ($max leaves a higher position alone).
      const target = Math.min(seq, conversation?.lastSeq ?? 0);
      const doc = await Membership.findOneAndUpdate(
        { conversationId, userId },
        { $max: { lastReadSeq: target } },
        { returnDocument: 'after' },
      ).lean<MembershipDoc>();
      return doc ? toMembership(doc) : null;
    },

    async markUnread({ conversationId, userId, seq }) {
      // Only backwards ($min leaves an earlier position alone).
      const doc = await Membership.findOneAndUpdate(
        { conversationId, userId },
        { $min: { lastReadSeq: Math.max(seq - 1, 0) } },
        { returnDocument: 'after' },
      ).lean<MembershipDoc>();
      return doc ? toMembership(doc) : null;
    },
  };
}
