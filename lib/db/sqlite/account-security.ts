import { newId } from '../ids';
import type { AccountSecurityPort, SessionRecord, TwoFactor } from '../ports/account-security';
import type { Db } from './connection';

type TwoFactorRow = {
  user_id: string;
  secret_box: string;
  enabled_at: number | null;
  last_step: number | null;
  codes_left: number;
};

type SessionRow = {
  id: string;
  user_id: string;
  user_agent: string | null;
  created_at: number;
  last_seen_at: number;
};

const toTwoFactor = (row: TwoFactorRow): TwoFactor => ({
  userId: row.user_id,
  secretBox: row.secret_box,
  enabledAt: row.enabled_at === null ? null : new Date(row.enabled_at),
  lastStep: row.last_step,
  recoveryCodesLeft: row.codes_left,
});

const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id,
  userId: row.user_id,
  userAgent: row.user_agent,
  createdAt: new Date(row.created_at),
  lastSeenAt: new Date(row.last_seen_at),
});

export function accountSecurityFunctions(db: Db): AccountSecurityPort {
  const twoFactor = db.prepare<[string], TwoFactorRow>(
    `SELECT t.*, (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = t.user_id) AS codes_left
     FROM two_factor t WHERE t.user_id = ?`,
  );
  const session = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');

  const enable = db.transaction((userId: string, hashes: string[], step: number): boolean => {
    const changed = db
      .prepare(
        'UPDATE two_factor SET enabled_at = ?, last_step = ? WHERE user_id = ? AND enabled_at IS NULL',
      )
      .run(Date.now(), step, userId).changes;
    if (changed === 0) return false;
    db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO recovery_codes (user_id, code_hash) VALUES (?, ?)',
    );
    for (const hash of hashes) insert.run(userId, hash);
    return true;
  });

  const disable = db.transaction((userId: string) => {
    db.prepare('DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
    db.prepare('DELETE FROM two_factor WHERE user_id = ?').run(userId);
  });

  return {
    async getTwoFactor({ userId }) {
      const row = twoFactor.get(userId);
      return row ? toTwoFactor(row) : null;
    },

    async startTwoFactor({ userId, secretBox }) {
      // Replaces a pending enrolment; an enabled one stays as it is.
      return (
        db
          .prepare(
            `INSERT INTO two_factor (user_id, secret_box) VALUES (?, ?)
             ON CONFLICT (user_id) DO UPDATE SET secret_box = excluded.secret_box, last_step = NULL
             WHERE two_factor.enabled_at IS NULL`,
          )
          .run(userId, secretBox).changes > 0
      );
    },

    async enableTwoFactor({ userId, recoveryCodeHashes, step }) {
      return enable(userId, recoveryCodeHashes, step);
    },

    async disableTwoFactor({ userId }) {
      disable(userId);
    },

    async useTwoFactorStep({ userId, step }) {
      return (
        db
          .prepare(
            `UPDATE two_factor SET last_step = ?
             WHERE user_id = ? AND enabled_at IS NOT NULL AND (last_step IS NULL OR last_step < ?)`,
          )
          .run(step, userId, step).changes > 0
      );
    },

    async useRecoveryCode({ userId, codeHash }) {
      return (
        db
          .prepare('DELETE FROM recovery_codes WHERE user_id = ? AND code_hash = ?')
          .run(userId, codeHash).changes > 0
      );
    },

    async createSession({ userId, userAgent }) {
      const id = newId('ses');
      const now = Date.now();
      db.prepare(
        'INSERT INTO sessions (id, user_id, user_agent, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
      ).run(id, userId, userAgent, now, now);
      return toSession(session.get(id)!);
    },

    async getSession({ id }) {
      const row = session.get(id);
      return row ? toSession(row) : null;
    },

    async listSessions({ userId }) {
      return db
        .prepare<[string], SessionRow>(
          'SELECT * FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC, id',
        )
        .all(userId)
        .map(toSession);
    },

    async touchSession({ id, at }) {
      db.prepare('UPDATE sessions SET last_seen_at = MAX(last_seen_at, ?) WHERE id = ?').run(
        at.getTime(),
        id,
      );
    },

    async deleteSession({ userId, id }) {
      return (
        db.prepare('DELETE FROM sessions WHERE id = ? AND user_id = ?').run(id, userId).changes > 0
      );
    },

    async deleteSessions({ userId }) {
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    },

    async getFindableByEmail({ userId }) {
      const row = db
        .prepare<[string], { findable_by_email: number }>(
          'SELECT findable_by_email FROM users WHERE id = ?',
        )
        .get(userId);
      return row?.findable_by_email === 1;
    },

    async setFindableByEmail({ userId, findable }) {
      db.prepare('UPDATE users SET findable_by_email = ? WHERE id = ?').run(
        findable ? 1 : 0,
        userId,
      );
    },

    async shareConversation({ userIds: [a, b] }) {
      if (a === b) return false;
      return !!db
        .prepare(
          `SELECT 1 FROM memberships m1 JOIN memberships m2 ON m2.conversation_id = m1.conversation_id
           WHERE m1.user_id = ? AND m2.user_id = ? LIMIT 1`,
        )
        .get(a, b);
    },
  };
}
