import { Schema, type Connection, type Model } from 'mongoose';

import { newId } from '../ids';
import type { AccountSecurityPort, SessionRecord } from '../ports/account-security';
import type { Models } from './models';

/** Two-factor state, one per person; recovery codes are hashes, pulled from the array as spent. */
export type TwoFactorDoc = {
  _id: string; // the user id
  secretBox: string;
  enabledAt: Date | null;
  lastStep: number | null;
  recoveryCodeHashes: string[];
};

export type SessionDoc = {
  _id: string;
  userId: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

export const twoFactorSchema = new Schema<TwoFactorDoc>(
  {
    _id: { type: String, required: true },
    secretBox: { type: String, required: true },
    enabledAt: { type: Date, default: null },
    lastStep: { type: Number, default: null, min: 0 },
    recoveryCodeHashes: { type: [String], default: [] },
  },
  { collection: 'two_factor', versionKey: false },
);

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, default: () => newId('ses') },
    userId: { type: String, required: true },
    userAgent: { type: String, default: null, maxlength: 512 },
    createdAt: { type: Date, required: true, default: () => new Date(), immutable: true },
    lastSeenAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'sessions', versionKey: false },
);
sessionSchema.index({ userId: 1, lastSeenAt: -1, _id: 1 });

export type AccountSecurityModels = {
  TwoFactor: Model<TwoFactorDoc>;
  Session: Model<SessionDoc>;
};

export function createAccountSecurityModels(conn: Connection): AccountSecurityModels {
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    conn.modelNames().includes(name) ? conn.model<T>(name) : conn.model<T>(name, schema);
  return {
    TwoFactor: model('TwoFactor', twoFactorSchema),
    Session: model('Session', sessionSchema),
  };
}

const toSession = (doc: SessionDoc): SessionRecord => ({
  id: doc._id,
  userId: doc.userId,
  userAgent: doc.userAgent ?? null,
  createdAt: doc.createdAt,
  lastSeenAt: doc.lastSeenAt,
});

export function accountSecurityFunctions(
  { User, Membership }: Pick<Models, 'User' | 'Membership'>,
  { TwoFactor, Session }: AccountSecurityModels,
): AccountSecurityPort {
  return {
    async getTwoFactor({ userId }) {
      const doc = await TwoFactor.findById(userId).lean<TwoFactorDoc>();
      if (!doc) return null;
      return {
        userId,
        secretBox: doc.secretBox,
        enabledAt: doc.enabledAt ?? null,
        lastStep: doc.lastStep ?? null,
        recoveryCodesLeft: doc.recoveryCodeHashes?.length ?? 0,
      };
    },

    async startTwoFactor({ userId, secretBox }) {
      const pending = await TwoFactor.updateOne(
        { _id: userId, enabledAt: null },
        { $set: { secretBox, lastStep: null, recoveryCodeHashes: [] } },
      );
      if (pending.matchedCount > 0) return true;
      try {
        await TwoFactor.create({ _id: userId, secretBox, enabledAt: null, lastStep: null });
        return true;
      } catch {
        // A duplicate key: there is one, and it is enabled.
        return false;
      }
    },

    async enableTwoFactor({ userId, recoveryCodeHashes, step }) {
      const res = await TwoFactor.updateOne(
        { _id: userId, enabledAt: null },
        {
          $set: {
            enabledAt: new Date(),
            lastStep: step,
            recoveryCodeHashes: [...new Set(recoveryCodeHashes)],
          },
        },
      );
      return res.modifiedCount > 0;
    },

    async disableTwoFactor({ userId }) {
      await TwoFactor.deleteOne({ _id: userId });
    },

    async useTwoFactorStep({ userId, step }) {
      const res = await TwoFactor.updateOne(
        {
          _id: userId,
          enabledAt: { $ne: null },
          $or: [{ lastStep: null }, { lastStep: { $lt: step } }],
        },
        { $set: { lastStep: step } },
      );
      return res.modifiedCount > 0;
    },

    async useRecoveryCode({ userId, codeHash }) {
      // The filter and the $pull are one atomic update: two requests cannot both spend the code.
      const res = await TwoFactor.updateOne(
        { _id: userId, recoveryCodeHashes: codeHash },
        { $pull: { recoveryCodeHashes: codeHash } },
      );
      return res.modifiedCount > 0;
    },

    async createSession({ userId, userAgent }) {
      const now = new Date();
      const doc = await Session.create({ userId, userAgent, createdAt: now, lastSeenAt: now });
      return toSession(doc.toObject());
    },

    async getSession({ id }) {
      const doc = await Session.findById(id).lean<SessionDoc>();
      return doc ? toSession(doc) : null;
    },

    async listSessions({ userId }) {
      const docs = await Session.find({ userId })
        .sort({ lastSeenAt: -1, _id: 1 })
        .lean<SessionDoc[]>();
      return docs.map(toSession);
    },

    async touchSession({ id, at }) {
      await Session.updateOne({ _id: id, lastSeenAt: { $lt: at } }, { $set: { lastSeenAt: at } });
    },

    async deleteSession({ userId, id }) {
      return (await Session.deleteOne({ _id: id, userId })).deletedCount > 0;
    },

    async deleteSessions({ userId }) {
      await Session.deleteMany({ userId });
    },

    async getFindableByEmail({ userId }) {
      const doc = await User.findById(userId, { findableByEmail: 1 }).lean<{
        findableByEmail?: boolean;
      }>();
      return doc?.findableByEmail === true;
    },

    async setFindableByEmail({ userId, findable }) {
      await User.updateOne({ _id: userId }, { $set: { findableByEmail: findable } });
    },

    async shareConversation({ userIds: [a, b] }) {
      if (a === b) return false;
      const mine = await Membership.find({ userId: a }, { conversationId: 1 }).lean<
        { conversationId: string }[]
      >();
      if (mine.length === 0) return false;
      return !!(await Membership.exists({
        userId: b,
        conversationId: { $in: mine.map((m) => m.conversationId) },
      }));
    },
  };
}
