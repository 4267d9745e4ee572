import type { FilterQuery } from 'mongoose';

import type { UsersPort } from '../ports/users';
import {
  checkFields,
  cursorPage,
  decodeCursor,
  nameCursorSchema,
  pageSize,
  uniqueIds,
} from '../rules';
import { StoreConflictError, type User } from '../types';
import type { AccountDoc, Models, UserDoc } from './models';

/** A user as read back: everything but the password hash, which only getPasswordHash fetches. */
export type UserFields = Omit<UserDoc, 'passwordHash'>;
export const USER_PROJECTION = { passwordHash: 0 } as const;

export function toUser(doc: UserFields): User {
  return {
    id: doc._id,
    email: doc.email,
    name: doc.name,
    statusText: doc.statusText ?? null,
    avatarKey: doc.avatarKey ?? null,
    emailVerified: doc.emailVerified ?? false,
    sessionVersion: doc.sessionVersion ?? 0,
    createdAt: doc.createdAt,
  };
}

/** The field a duplicate-key error (code 11000) is about, or null for any other error. */
export function duplicateKeyField(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== 11000) {
    return null;
  }
  const { keyPattern, keyValue, message } = error as {
    keyPattern?: object;
    keyValue?: object;
    message?: unknown;
  };
  const field = Object.keys(keyPattern ?? keyValue ?? {})[0];
  if (field) return field;
  // Servers before 4.4 name only the index: "E11000 … index: email_1 dup key: …".
  return (typeof message === 'string' && /index: (\w+?)_-?1\b/.exec(message)?.[1]) || '';
}

/** The user's text taken literally at the start of a regular expression (as LIKE 'q%' in SQLite). */
export const literalPrefix = (q: string) =>
  new RegExp(`^${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** SQLite refuses rows that point at no user (a foreign key); Mongo has none, so we check. */
export async function assertUserExists({ User }: Models, userId: string): Promise<void> {
  if (!(await User.exists({ _id: userId }))) throw new Error(`No user with id ${userId}`);
}

export function userFunctions(models: Models): UsersPort {
  const { User, Account } = models;
  const byId = async (id: string) => {
    const doc = await User.findById(id, USER_PROJECTION).lean<UserFields>();
    return doc ? toUser(doc) : null;
  };

  return {
    async createUser({ email, name, passwordHash, emailVerified = false }) {
      checkFields({ email, userName: name });
      const doc = new User({
        email,
        name,
        nameLower: name.toLowerCase(),
        passwordHash,
        emailVerified,
      });
      try {
        await doc.save();
      } catch (error) {
        if (duplicateKeyField(error) === 'email') throw new StoreConflictError('email');
        throw error;
      }
      return toUser(doc.toObject());
    },

    getUserById: ({ id }) => byId(id),

    async getUsersByIds({ ids }) {
      if (ids.length === 0) return [];
      const docs = await User.find({ _id: { $in: uniqueIds(ids) } }, USER_PROJECTION).lean<
        UserFields[]
      >();
      return docs.map(toUser);
    },

    async getUserByEmail({ email }) {
      const doc = await User.findOne({ email }, USER_PROJECTION).lean<UserFields>();
      return doc ? toUser(doc) : null;
    },

    async getPasswordHash({ userId }) {
      const doc = await User.findById(userId, { passwordHash: 1 }).lean<
        Pick<UserDoc, 'passwordHash'>
      >();
      return doc?.passwordHash ?? null;
    },

    async updateUser({ id, name, statusText, avatarKey, emailVerified }) {
      checkFields({ userName: name, statusText });
      const set: Partial<UserDoc> = {};
      if (name !== undefined) Object.assign(set, { name, nameLower: name.toLowerCase() });
      if (statusText !== undefined) set.statusText = statusText;
      if (avatarKey !== undefined) set.avatarKey = avatarKey;
      if (emailVerified !== undefined) set.emailVerified = emailVerified;
      if (Object.keys(set).length === 0) return byId(id);
      const doc = await User.findOneAndUpdate(
        { _id: id },
        { $set: set },
        { returnDocument: 'after', runValidators: true, projection: USER_PROJECTION },
      ).lean<UserFields>();
      return doc ? toUser(doc) : null;
    },

    async bumpSessionVersion({ id }) {
      const doc = await User.findOneAndUpdate(
        { _id: id },
        { $inc: { sessionVersion: 1 } },
        { returnDocument: 'after', projection: { sessionVersion: 1 } },
      ).lean<Pick<UserDoc, 'sessionVersion'>>();
      return doc?.sessionVersion ?? 0;
    },

    async searchUsers({ query, limit, cursor, excludeId }) {
      const size = pageSize(limit);
      const prefix = literalPrefix(query.trim().toLowerCase());
      const after = decodeCursor(cursor, nameCursorSchema);
      // Names only: an email finds someone only through lib/users/server/search.ts's rules.
      const and: FilterQuery<UserDoc>[] = [{ nameLower: prefix }];
      if (excludeId) and.push({ _id: { $ne: excludeId } });
      if (after) {
        and.push({
          $or: [
            { nameLower: { $gt: after.name } },
            { nameLower: after.name, _id: { $gt: after.id } },
          ],
        });
      }
      const rows = await User.find({ $and: and }, USER_PROJECTION)
        .sort({ nameLower: 1, _id: 1 })
        .limit(size + 1)
        .lean<UserFields[]>();
      return cursorPage(rows, size, toUser, (doc) => ({ name: doc.nameLower, id: doc._id }));
    },

    async linkAccount({ userId, provider, providerAccountId }) {
      await assertUserExists(models, userId);
      try {
        // Like INSERT OR IGNORE: an existing link (to whomever) is left as it is.
        await Account.updateOne(
          { provider, providerAccountId },
          { $setOnInsert: { userId } },
          { upsert: true },
        );
      } catch (error) {
        // Two concurrent upserts can both try to insert; the loser finds the link made.
        if (duplicateKeyField(error) === null) throw error;
      }
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const account = await Account.findOne({ provider, providerAccountId }, { userId: 1 }).lean<
        Pick<AccountDoc, 'userId'>
      >();
      return account ? byId(account.userId) : null;
    },

    async ensureSystemUser({ id, email, name }) {
      const existing = await byId(id);
      if (existing) return existing;
      // No password and no account: nobody can sign in as a system person.
      const doc = new User({ _id: id, email, name, nameLower: name.toLowerCase() });
      try {
        await doc.save();
        return toUser(doc.toObject());
      } catch (error) {
        if (duplicateKeyField(error) === null) throw error;
        // A concurrent call inserted it first; otherwise someone else holds the email.
        const winner = await byId(id);
        if (!winner) throw new StoreConflictError('email');
        return winner;
      }
    },

    async getFirstUser({ excludeIds, excludeEmailDomains = [] }) {
      const domains = excludeEmailDomains.map(
        (d) => new RegExp(`@${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
      const filter = {
        _id: { $nin: excludeIds },
        ...(domains.length ? { email: { $nin: domains } } : {}),
      };
      const doc = await User.findOne(filter, USER_PROJECTION)
        .sort({ createdAt: 1, _id: 1 })
        .lean<UserFields>();
      return doc ? toUser(doc) : null;
    },
  };
}
