import { newId } from '../ids';
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
import { isUniqueViolation, type Db } from './connection';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  status_text: string | null;
  avatar_key: string | null;
  email_verified: number;
  session_version: number;
  created_at: number;
};

export const USER_COLUMNS =
  'id, email, name, status_text, avatar_key, email_verified, session_version, created_at';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    statusText: row.status_text,
    avatarKey: row.avatar_key,
    emailVerified: row.email_verified === 1,
    sessionVersion: row.session_version,
    createdAt: new Date(row.created_at),
  };
}

/** LIKE with the user's text taken literally. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function userFunctions(db: Db): UsersPort {
  const byId = db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);
  // json_each keeps it one prepared statement whatever the number of ids.
  const byIds = db.prepare<[string], UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const byEmail = db.prepare<[string], UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE email = ?`,
  );
  // No password and no account row: nobody can sign in as a system person.
  const insertSystem = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO users (id, email, name, name_lower, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const first = db.prepare<[string, string], UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id NOT IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM json_each(?) d
                       WHERE substr(users.email, -length(d.value) - 1) = '@' || d.value)
     ORDER BY created_at, id LIMIT 1`,
  );

  return {
    async createUser({ email, name, passwordHash, emailVerified = false }) {
      checkFields({ email, userName: name });
      const id = newId('u');
      try {
        db.prepare(
          `INSERT INTO users (id, email, name, name_lower, password_hash, email_verified, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, email, name, name.toLowerCase(), passwordHash, emailVerified ? 1 : 0, Date.now());
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError('email');
        throw error;
      }
      return toUser(byId.get(id)!);
    },

    async getUserById({ id }) {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },

    async getUsersByIds({ ids }) {
      const unique = uniqueIds(ids);
      if (unique.length === 0) return [];
      return byIds.all(JSON.stringify(unique)).map(toUser);
    },

    async getUserByEmail({ email }) {
      const row = byEmail.get(email);
      return row ? toUser(row) : null;
    },

    async getPasswordHash({ userId }) {
      const row = db
        .prepare<[string], { password_hash: string | null }>(
          'SELECT password_hash FROM users WHERE id = ?',
        )
        .get(userId);
      return row?.password_hash ?? null;
    },

    async updateUser({ id, name, statusText, avatarKey, emailVerified }) {
      checkFields({ userName: name, statusText });
      const changes: [string, string | number | null][] = [];
      if (name !== undefined) changes.push(['name', name], ['name_lower', name.toLowerCase()]);
      if (statusText !== undefined) changes.push(['status_text', statusText]);
      if (avatarKey !== undefined) changes.push(['avatar_key', avatarKey]);
      if (emailVerified !== undefined) changes.push(['email_verified', emailVerified ? 1 : 0]);
      const sets = changes.map(([column]) => `${column} = ?`);
      const values = changes.map(([, value]) => value);
      if (sets.length > 0)
        db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },

    async bumpSessionVersion({ id }) {
      const row = db
        .prepare<[string], { session_version: number }>(
          'UPDATE users SET session_version = session_version + 1 WHERE id = ? RETURNING session_version',
        )
        .get(id);
      return row?.session_version ?? 0;
    },

    async searchUsers({ query, limit, cursor, excludeId }) {
      const q = query.trim().toLowerCase();
      const size = pageSize(limit);
      const after = decodeCursor(cursor, nameCursorSchema);
      // Names only: an email finds someone only through lib/users/server/search.ts's rules.
      const where = ["name_lower LIKE ? ESCAPE '\\'"];
      const values: (string | number)[] = [likePrefix(q)];
      if (excludeId) {
        where.push('id != ?');
        values.push(excludeId);
      }
      if (after) {
        where.push('(name_lower, id) > (?, ?)');
        values.push(after.name, after.id);
      }
      const rows = db
        .prepare<(string | number)[], UserRow & { name_lower: string }>(
          `SELECT ${USER_COLUMNS}, name_lower FROM users WHERE ${where.join(' AND ')} ORDER BY name_lower, id LIMIT ?`,
        )
        .all(...values, size + 1);
      return cursorPage(rows, size, toUser, (row) => ({ name: row.name_lower, id: row.id }));
    },

    async linkAccount({ userId, provider, providerAccountId }) {
      db.prepare(
        'INSERT OR IGNORE INTO accounts (provider, provider_account_id, user_id) VALUES (?, ?, ?)',
      ).run(provider, providerAccountId, userId);
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const row = db
        .prepare<[string, string], UserRow>(
          `SELECT ${USER_COLUMNS.split(', ')
            .map((c) => `u.${c}`)
            .join(
              ', ',
            )} FROM accounts a JOIN users u ON u.id = a.user_id WHERE a.provider = ? AND a.provider_account_id = ?`,
        )
        .get(provider, providerAccountId);
      return row ? toUser(row) : null;
    },

    async ensureSystemUser({ id, email, name }) {
      const existing = byId.get(id);
      if (existing) return toUser(existing);
      try {
        insertSystem.run(id, email, name, name.toLowerCase(), Date.now());
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = byId.get(id);
      // Not there after the insert: someone else holds the email.
      if (!row) throw new StoreConflictError('email');
      return toUser(row);
    },

    async getFirstUser({ excludeIds, excludeEmailDomains = [] }) {
      const row = first.get(JSON.stringify(excludeIds), JSON.stringify(excludeEmailDomains));
      return row ? toUser(row) : null;
    },
  };
}
