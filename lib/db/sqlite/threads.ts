import { parseJsonColumn, stringListSchema } from '../json-columns';
import type { MessagesPort } from '../ports/messages';
import type { ThreadsPort } from '../ports/threads';
import { pageSize, readsUpwards, seqPage } from '../rules';
import { compareFollowedThreads, followersOnReply, withParticipant } from '../thread-rules';
import type { ThreadMembership, ThreadSummary } from '../types';
import type { Db } from './connection';

type ThreadRow = {
  root_id: string;
  conversation_id: string;
  reply_count: number;
  last_reply_seq: number;
  last_reply_at: number;
  participants: string;
};

type MembershipRow = {
  root_id: string;
  user_id: string;
  conversation_id: string;
  following: number;
  last_read_seq: number;
  updated_at: number;
};

const toSummary = (row: ThreadRow): ThreadSummary => ({
  replyCount: row.reply_count,
  lastReplySeq: row.last_reply_seq,
  lastReplyAt: new Date(row.last_reply_at),
  participantIds: parseJsonColumn(stringListSchema, row.participants) ?? [],
});

const toMembership = (row: MembershipRow): ThreadMembership => ({
  rootId: row.root_id,
  conversationId: row.conversation_id,
  userId: row.user_id,
  following: row.following === 1,
  lastReadSeq: row.last_read_seq,
  updatedAt: new Date(row.updated_at),
});

/** The thread summaries of those of `ids` that are roots, in one query. */
export function threadsOf(db: Db): (ids: string[]) => Map<string, ThreadSummary> {
  const select = db.prepare<[string], ThreadRow>(
    'SELECT * FROM threads WHERE root_id IN (SELECT value FROM json_each(?))',
  );
  return (ids) =>
    new Map(
      ids.length === 0 ? [] : select.all(JSON.stringify(ids)).map((r) => [r.root_id, toSummary(r)]),
    );
}

/** The writes a reply makes inside createMessage's / deleteMessage's transaction. */
export function threadWriter(db: Db) {
  const thread = db.prepare<[string], ThreadRow>('SELECT * FROM threads WHERE root_id = ?');
  const rootAuthor = db.prepare<[string], { author_id: string | null }>(
    'SELECT author_id FROM messages WHERE id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO threads (root_id, conversation_id, reply_count, last_reply_seq, last_reply_at,
       participants) VALUES (?, ?, 1, ?, ?, ?)
     ON CONFLICT (root_id) DO UPDATE SET reply_count = reply_count + 1,
       last_reply_seq = excluded.last_reply_seq, last_reply_at = excluded.last_reply_at,
       participants = excluded.participants`,
  );
  const follow = db.prepare(
    `INSERT INTO thread_memberships (root_id, user_id, conversation_id, following, last_read_seq,
       updated_at) VALUES (?, ?, ?, 1, 0, ?)
     ON CONFLICT (root_id, user_id) DO UPDATE SET following = 1, updated_at = excluded.updated_at`,
  );
  const followIfNew = db.prepare(
    `INSERT OR IGNORE INTO thread_memberships (root_id, user_id, conversation_id, following,
       last_read_seq, updated_at) VALUES (?, ?, ?, 1, 0, ?)`,
  );
  const readTo = db.prepare(
    `UPDATE thread_memberships SET last_read_seq = ?
     WHERE root_id = ? AND user_id = ? AND last_read_seq < ?`,
  );
  const uncount = db.prepare(
    'UPDATE threads SET reply_count = MAX(reply_count - 1, 0) WHERE root_id = ?',
  );
  return {
    addReply(input: {
      rootId: string;
      conversationId: string;
      authorId: string | null;
      seq: number;
      at: number;
      mentions: string[];
    }): void {
      const { rootId, conversationId, authorId, seq, at } = input;
      const before = thread.get(rootId);
      const participants = before
        ? (parseJsonColumn(stringListSchema, before.participants) ?? [])
        : [];
      const next = authorId === null ? participants : withParticipant(participants, authorId);
      upsert.run(rootId, conversationId, seq, at, JSON.stringify(next));
      const who = followersOnReply({
        authorId,
        rootAuthorId: rootAuthor.get(rootId)?.author_id ?? null,
        mentions: input.mentions,
      });
      for (const userId of who.refollow) follow.run(rootId, userId, conversationId, at);
      for (const userId of who.followIfNew) followIfNew.run(rootId, userId, conversationId, at);
      if (authorId !== null) readTo.run(seq, rootId, authorId, seq);
    },
    removeReply(rootId: string): void {
      uncount.run(rootId);
    },
  };
}

export function threadFunctions(db: Db, getMessages: MessagesPort['getMessages']): ThreadsPort {
  const thread = db.prepare<[string], ThreadRow>('SELECT * FROM threads WHERE root_id = ?');
  const membership = db.prepare<[string, string], MembershipRow>(
    'SELECT * FROM thread_memberships WHERE root_id = ? AND user_id = ?',
  );
  // Both walk the partial index messages_thread (thread_root_id, seq).
  const pageDown = db.prepare<[string, number, number, number], { id: string; seq: number }>(
    `SELECT id, seq FROM messages WHERE thread_root_id = ? AND seq < ? AND seq > ?
     ORDER BY seq DESC LIMIT ?`,
  );
  const pageUp = db.prepare<[string, number, number], { id: string; seq: number }>(
    'SELECT id, seq FROM messages WHERE thread_root_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const ensure = db.prepare(
    `INSERT OR IGNORE INTO thread_memberships (root_id, user_id, conversation_id, following,
       last_read_seq, updated_at) VALUES (?, ?, ?, ?, 0, ?)`,
  );
  const setFollowing = db.prepare(
    'UPDATE thread_memberships SET following = ?, updated_at = ? WHERE root_id = ? AND user_id = ?',
  );
  const readTo = db.prepare(
    `UPDATE thread_memberships SET last_read_seq = ?, updated_at = ?
     WHERE root_id = ? AND user_id = ? AND last_read_seq < ?`,
  );
  const followed = db.prepare<[string, string], ThreadRow & MembershipRow & { unread: number }>(
    `SELECT t.*, tm.user_id, tm.following, tm.last_read_seq, tm.updated_at,
       (SELECT COUNT(*) FROM messages m WHERE m.thread_root_id = t.root_id
          AND m.seq > tm.last_read_seq AND m.deleted_at IS NULL
          AND (m.author_id IS NULL OR m.author_id <> tm.user_id)) AS unread
     FROM thread_memberships tm JOIN threads t ON t.root_id = tm.root_id
     WHERE tm.user_id = ? AND tm.following = 1
       AND tm.conversation_id IN (SELECT value FROM json_each(?))`,
  );
  const followers = db.prepare<[string], { user_id: string }>(
    'SELECT user_id FROM thread_memberships WHERE root_id = ? AND following = 1 ORDER BY user_id',
  );

  const write = db.transaction(
    (input: { rootId: string; conversationId: string; userId: string }, change: () => void) => {
      ensure.run(input.rootId, input.userId, input.conversationId, 0, Date.now());
      change();
      return toMembership(membership.get(input.rootId, input.userId)!);
    },
  );

  return {
    async getThread({ rootId }) {
      const row = thread.get(rootId);
      return row ? toSummary(row) : null;
    },

    async listThreadReplies({ rootId, before, after, limit }) {
      const size = pageSize(limit);
      const upwards = readsUpwards({ before, after });
      const rows = upwards
        ? pageUp.all(rootId, after ?? -1, size + 1)
        : pageDown.all(rootId, before ?? Number.MAX_SAFE_INTEGER, after ?? -1, size + 1);
      const { page, hasMore } = seqPage(rows, size, upwards);
      const messages = await getMessages({ ids: page.map((r) => r.id) });
      return { messages: messages.sort((a, b) => a.seq - b.seq), hasMore };
    },

    async getThreadMembership({ rootId, userId }) {
      const row = membership.get(rootId, userId);
      return row ? toMembership(row) : null;
    },

    async setThreadFollowing(input) {
      return write.immediate(input, () =>
        setFollowing.run(input.following ? 1 : 0, Date.now(), input.rootId, input.userId),
      );
    },

    async markThreadRead(input) {
      return write.immediate(input, () => {
        const last = thread.get(input.rootId)?.last_reply_seq ?? 0;
        const seq = Math.min(input.seq, last);
        readTo.run(seq, Date.now(), input.rootId, input.userId, seq);
      });
    },

    async listFollowedThreads({ userId, conversationIds, limit }) {
      if (conversationIds.length === 0) return [];
      return followed
        .all(userId, JSON.stringify(conversationIds))
        .map((row) => ({
          rootId: row.root_id,
          conversationId: row.conversation_id,
          thread: toSummary(row),
          membership: toMembership(row),
          unreadCount: row.unread,
        }))
        .sort(compareFollowedThreads)
        .slice(0, pageSize(limit));
    },

    async listThreadMemberships({ rootId }) {
      return db
        .prepare<[string], MembershipRow>(
          'SELECT * FROM thread_memberships WHERE root_id = ? ORDER BY user_id',
        )
        .all(rootId)
        .map(toMembership);
    },

    async listThreadFollowers({ rootId }) {
      return followers.all(rootId).map((r) => r.user_id);
    },
  };
}
