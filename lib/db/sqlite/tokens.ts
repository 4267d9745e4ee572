import { newId } from '../ids';
import type { TokensPort } from '../ports/tokens';
import { checkFields } from '../rules';
import type { ApiToken } from '../types';
import type { Db } from './connection';
import { toUser, USER_COLUMNS, type UserRow } from './users';

type TokenRow = {
  id: string;
  user_id: string;
  name: string;
  created_at: number;
  last_used_at: number | null;
};

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
  };
}

export function tokenFunctions(db: Db): TokensPort {
  const userById = db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);

  return {
    async createApiToken({ userId, name, tokenHash }) {
      checkFields({ tokenName: name });
      const id = newId('tok');
      db.prepare(
        'INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(id, userId, name, tokenHash, Date.now());
      return toToken(
        db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE id = ?').get(id)!,
      );
    },

    async listApiTokens({ userId }) {
      return db
        .prepare<[string], TokenRow>(
          'SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id',
        )
        .all(userId)
        .map(toToken);
    },

    async revokeApiToken({ userId, id }) {
      return (
        db.prepare('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(id, userId).changes >
        0
      );
    },

    async useApiToken({ tokenHash }) {
      const row = db
        .prepare<[number, string], TokenRow>(
          'UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? RETURNING *',
        )
        .get(Date.now(), tokenHash);
      if (!row) return null;
      const user = userById.get(row.user_id);
      return user ? { token: toToken(row), user: toUser(user) } : null;
    },
  };
}
