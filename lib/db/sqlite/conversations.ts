import { newId } from '../ids';
import type { ConversationsPort, MembershipsPort } from '../ports/conversations';
import { checkFields, directKey, groupMembers, uniqueIds } from '../rules';
import type { Conversation, ConversationKind, MemberRole, Membership } from '../types';
import type { Db } from './connection';

// The CHECK constraints in migration 3 guarantee kind and role hold one of these values.
type ConversationRow = {
  id: string;
  kind: ConversationKind;
  name: string | null;
  created_by: string;
  last_seq: number;
  last_activity_at: number;
  created_at: number;
};

type MembershipRow = {
  conversation_id: string;
  user_id: string;
  role: MemberRole;
  last_read_seq: number;
  muted: number;
  joined_at: number;
};

const CONVERSATION_COLUMNS = 'id, kind, name, created_by, last_seq, last_activity_at, created_at';
const MEMBERSHIP_COLUMNS = 'conversation_id, user_id, role, last_read_seq, muted, joined_at';

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    createdBy: row.created_by,
    lastSeq: row.last_seq,
    lastActivityAt: new Date(row.last_activity_at),
    createdAt: new Date(row.created_at),
  };
}

function toMembership(row: MembershipRow): Membership {
  return {
    conversationId: row.conversation_id,
    userId: row.user_id,
    role: row.role,
    lastReadSeq: row.last_read_seq,
    muted: row.muted === 1,
    joinedAt: new Date(row.joined_at),
  };
}

export function conversationFunctions(db: Db): ConversationsPort & MembershipsPort {
  const byId = db.prepare<[string], ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ?`,
  );
  const byDirectKey = db.prepare<[string], ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE direct_key = ?`,
  );
  const insertConversation = db.prepare<
    [string, ConversationKind, string | null, string | null, string, number, number]
  >(
    `INSERT INTO conversations (id, kind, name, direct_key, created_by, last_activity_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare<[string, string, MemberRole, number]>(
    `INSERT OR IGNORE INTO memberships (conversation_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)`,
  );
  const membership = db.prepare<[string, string], MembershipRow>(
    `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE conversation_id = ? AND user_id = ?`,
  );
  // Prepared once: every send reads the members (to announce it, and in its follow-up job).
  const members = db.prepare<[string], MembershipRow>(
    `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE conversation_id = ? ORDER BY joined_at, user_id`,
  );
  const getMembership = (conversationId: string, userId: string) => {
    const row = membership.get(conversationId, userId);
    return row ? toMembership(row) : null;
  };

  const createConversation = (input: {
    kind: ConversationKind;
    name: string | null;
    directKey: string | null;
    createdBy: string;
    members: { userId: string; role: MemberRole }[];
  }): Conversation => {
    const id = newId('c');
    const now = Date.now();
    insertConversation.run(id, input.kind, input.name, input.directKey, input.createdBy, now, now);
    for (const { userId, role } of input.members) insertMember.run(id, userId, role, now);
    return toConversation(byId.get(id)!);
  };

  // IMMEDIATE takes the write lock up front, so two processes cannot both miss the lookup.
  const findOrCreateDirect = db.transaction(
    (a: string, b: string, createdBy: string): { conversation: Conversation; created: boolean } => {
      const key = directKey(a, b);
      const existing = byDirectKey.get(key);
      if (existing) return { conversation: toConversation(existing), created: false };
      const conversation = createConversation({
        kind: 'direct',
        name: null,
        directKey: key,
        createdBy,
        members: [
          { userId: a, role: 'owner' },
          { userId: b, role: 'owner' },
        ],
      });
      return { conversation, created: true };
    },
  );

  const createGroup = db.transaction((name: string, ownerId: string, memberIds: string[]) => {
    return createConversation({
      kind: 'group',
      name,
      directKey: null,
      createdBy: ownerId,
      members: groupMembers(ownerId, memberIds),
    });
  });

  const addMembers = db.transaction(
    (conversationId: string, userIds: string[], role: MemberRole) => {
      const now = Date.now();
      const added: Membership[] = [];
      for (const userId of uniqueIds(userIds)) {
        if (insertMember.run(conversationId, userId, role, now).changes > 0)
          added.push(getMembership(conversationId, userId)!);
      }
      return added;
    },
  );

  return {
    async findOrCreateDirect({ userIds: [a, b], createdBy }) {
      return findOrCreateDirect.immediate(a, b, createdBy);
    },

    async createGroup({ name, ownerId, memberIds }) {
      checkFields({ groupName: name });
      return createGroup.immediate(name, ownerId, memberIds);
    },

    async getConversation({ id }) {
      const row = byId.get(id);
      return row ? toConversation(row) : null;
    },

    async renameConversation({ id, name }) {
      checkFields({ groupName: name });
      const row = db
        .prepare<[string, string], ConversationRow>(
          `UPDATE conversations SET name = ? WHERE id = ? RETURNING ${CONVERSATION_COLUMNS}`,
        )
        .get(name, id);
      return row ? toConversation(row) : null;
    },

    async listConversations({ userId }) {
      // The membership's own columns do not clash with the conversation's; its keys are known.
      const rows = db
        .prepare<[string], ConversationRow & Omit<MembershipRow, 'conversation_id' | 'user_id'>>(
          `SELECT ${CONVERSATION_COLUMNS.split(', ')
            .map((c) => `c.${c}`)
            .join(', ')}, m.role, m.last_read_seq, m.muted, m.joined_at
           FROM memberships m JOIN conversations c ON c.id = m.conversation_id
           WHERE m.user_id = ? ORDER BY c.last_activity_at DESC, c.id DESC`,
        )
        .all(userId);
      return rows.map((row) => ({
        conversation: toConversation(row),
        membership: toMembership({ ...row, conversation_id: row.id, user_id: userId }),
      }));
    },

    async listContacts({ userId, limit }) {
      // Most recently active shared conversation first, so a short limit keeps the people who matter.
      return db
        .prepare<[string, string, number], { user_id: string }>(
          `SELECT other.user_id FROM memberships mine
           JOIN memberships other ON other.conversation_id = mine.conversation_id
           JOIN conversations c ON c.id = mine.conversation_id
           WHERE mine.user_id = ? AND other.user_id != ?
           GROUP BY other.user_id ORDER BY MAX(c.last_activity_at) DESC, other.user_id LIMIT ?`,
        )
        .all(userId, userId, limit)
        .map((row) => row.user_id);
    },

    async getMembership({ conversationId, userId }) {
      return getMembership(conversationId, userId);
    },

    async listMemberships({ conversationId }) {
      return members.all(conversationId).map(toMembership);
    },

    async addMembers({ conversationId, userIds, role = 'member' }) {
      return addMembers.immediate(conversationId, userIds, role);
    },

    async removeMember({ conversationId, userId }) {
      return (
        db
          .prepare('DELETE FROM memberships WHERE conversation_id = ? AND user_id = ?')
          .run(conversationId, userId).changes > 0
      );
    },

    async updateMembership({ conversationId, userId, role, muted }) {
      const changes: [string, string | number][] = [];
      if (role !== undefined) changes.push(['role', role]);
      if (muted !== undefined) changes.push(['muted', muted ? 1 : 0]);
      if (changes.length > 0)
        db.prepare(
          `UPDATE memberships SET ${changes.map(([c]) => `${c} = ?`).join(', ')} WHERE conversation_id = ? AND user_id = ?`,
        ).run(...changes.map(([, v]) => v), conversationId, userId);
      return getMembership(conversationId, userId);
    },

    async markRead({ conversationId, userId, seq }) {
      db.prepare(
        `UPDATE memberships SET last_read_seq = target.seq
         FROM (SELECT MIN(?, last_seq) AS seq FROM conversations WHERE id = ?) AS target
         WHERE conversation_id = ? AND user_id = ? AND last_read_seq < target.seq`,
      ).run(seq, conversationId, conversationId, userId);
      return getMembership(conversationId, userId);
    },

    async markUnread({ conversationId, userId, seq }) {
      db.prepare(
        `UPDATE memberships SET last_read_seq = ?
         WHERE conversation_id = ? AND user_id = ? AND last_read_seq > ?`,
      ).run(Math.max(seq - 1, 0), conversationId, userId, Math.max(seq - 1, 0));
      return getMembership(conversationId, userId);
    },
  };
}
