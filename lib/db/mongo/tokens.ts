import type { TokensPort } from '../ports/tokens';
import { checkFields } from '../rules';
import type { ApiToken } from '../types';
import type { ApiTokenDoc, Models } from './models';
import { assertUserExists, toUser, USER_PROJECTION, type UserFields } from './users';

/** A token as read back: never its hash. */
type TokenFields = Omit<ApiTokenDoc, 'tokenHash'>;
const TOKEN_PROJECTION = { tokenHash: 0 } as const;

function toToken(doc: TokenFields): ApiToken {
  return {
    id: doc._id,
    userId: doc.userId,
    name: doc.name,
    createdAt: doc.createdAt,
    lastUsedAt: doc.lastUsedAt ?? null,
  };
}

export function tokenFunctions(models: Models): TokensPort {
  const { User, ApiToken } = models;

  return {
    async createApiToken({ userId, name, tokenHash }) {
      checkFields({ tokenName: name });
      await assertUserExists(models, userId);
      const doc = new ApiToken({ userId, name, tokenHash });
      await doc.save();
      return toToken(doc.toObject());
    },

    async listApiTokens({ userId }) {
      const docs = await ApiToken.find({ userId }, TOKEN_PROJECTION)
        .sort({ createdAt: -1, _id: 1 })
        .lean<TokenFields[]>();
      return docs.map(toToken);
    },

    async revokeApiToken({ userId, id }) {
      // Scoped to the owner: someone else's token id deletes nothing.
      const { deletedCount } = await ApiToken.deleteOne({ _id: id, userId });
      return deletedCount > 0;
    },

    async useApiToken({ tokenHash }) {
      const token = await ApiToken.findOneAndUpdate(
        { tokenHash },
        { $set: { lastUsedAt: new Date() } },
        { returnDocument: 'after', projection: TOKEN_PROJECTION },
      ).lean<TokenFields>();
      if (!token) return null;
      const user = await User.findById(token.userId, USER_PROJECTION).lean<UserFields>();
      return user ? { token: toToken(token), user: toUser(user) } : null;
    },
  };
}
