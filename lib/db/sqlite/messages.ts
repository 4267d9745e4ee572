/** The SQLite messages adapter: create (seq, uploads, outbox jobs), page, count, edit, delete, react. */
import { newId } from '../ids';
import type { MessagesPort } from '../ports/messages';
import { checkFields, pageSize, readsUpwards, seqPage, uniqueIds } from '../rules';
import type { Attachment, DailyActivity, Job, Message, SystemEvent } from '../types';
import type { Db } from './connection';
import { jobInserter } from './jobs';
import { messageReader, toMessage, type MessageRow } from './message-reader';
import { threadWriter } from './threads';
import { selectUploads, toAttachment } from './uploads';

type CreateInput = Parameters<MessagesPort['createMessage']>[0];

export function messageFunctions(db: Db): MessagesPort {
  const byId = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?');
  // json_each keeps each of these one prepared statement whatever the number of ids.
  const byIds = db.prepare<[string], MessageRow>(
    'SELECT * FROM messages WHERE id IN (SELECT value FROM json_each(?))',
  );
  const byClientId = db.prepare<[string, string, string], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? AND author_id = ? AND client_id = ?',
  );
  const bumpSeq = db.prepare<[number, string], { last_seq: number }>(
    `UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ?
     WHERE id = ? RETURNING last_seq`,
  );
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, seq, author_id, kind, body, client_id, reply_to_id,
       attachments, mentions, system, thread_root_id, also_in_conversation, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const claimUpload = db.prepare(
    'UPDATE uploads SET conversation_id = ?, message_id = ? WHERE id = ? AND message_id IS NULL',
  );
  const readUpTo = db.prepare(
    `UPDATE memberships SET last_read_seq = ?
     WHERE conversation_id = ? AND user_id = ? AND last_read_seq < ?`,
  );
  // Pages walk the UNIQUE (conversation_id, seq) index in either direction.
  const pageDown = db.prepare<[string, number, number, number], MessageRow>(
    `SELECT * FROM messages WHERE conversation_id = ? AND seq < ? AND seq > ?
     ORDER BY seq DESC LIMIT ?`,
  );
  const pageUp = db.prepare<[string, number, number], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  // The main timeline: everything but thread replies kept in their thread. Both walk the
  // (conversation_id, seq) index, the count over the unread range only.
  const inTimeline = '(thread_root_id IS NULL OR also_in_conversation = 1)';
  const countAfter = db.prepare<[string, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND seq > ? AND ${inTimeline}`,
  );
  const latestInTimeline = db.prepare<[string], MessageRow>(
    `SELECT * FROM messages WHERE conversation_id = ? AND ${inTimeline} ORDER BY seq DESC LIMIT 1`,
  );
  const uploadsByIds = selectUploads(db);
  const insertJobs = jobInserter(db);
  const threads = threadWriter(db);

  const withReactions = messageReader(db);
  const one = (id: string) => {
    const row = byId.get(id);
    return row ? withReactions([row])[0]! : null;
  };

  /** The uploads as attachments, in the order given; throws for unknown or claimed ones. */
  const attachmentsFor = (ids: string[]): Attachment[] => {
    const rows = new Map(uploadsByIds(ids).map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = rows.get(id);
      if (!row || row.message_id !== null) throw new Error(`Upload ${id} is unknown or claimed`);
      return toAttachment(row);
    });
  };

  type Created = { message: Message; created: boolean; queued: Job[] };
  const create = db.transaction((input: CreateInput): Created => {
    const { conversationId, authorId, body } = input;
    checkFields({ messageBody: body });
    const clientId = input.clientId ?? null;
    // A retry is answered before the seq moves, so retries leave no gaps. Its follow-up jobs are
    // written again: a missing one is re-created, an existing one (same dedupe id) left alone.
    if (authorId !== null && clientId !== null) {
      const existing = byClientId.get(conversationId, authorId, clientId);
      if (existing) {
        const message = withReactions([existing])[0]!;
        return { message, created: false, queued: insertJobs(input.jobs?.(message) ?? []) };
      }
    }
    const now = Date.now();
    const bumped = bumpSeq.get(now, conversationId);
    if (!bumped) throw new Error(`Conversation ${conversationId} not found`);
    const seq = bumped.last_seq;
    const uploadIds = uniqueIds(input.attachmentIds ?? []);
    const attachments = attachmentsFor(uploadIds);
    const system: SystemEvent | null = input.system ?? null;
    const threadRootId = input.threadRootId ?? null;
    const id = newId('m');
    insert.run(
      id,
      conversationId,
      seq,
      authorId,
      system ? 'system' : 'user',
      body,
      clientId,
      input.replyToId ?? null,
      JSON.stringify(attachments),
      JSON.stringify(input.mentions ?? []),
      system ? JSON.stringify(system) : null,
      threadRootId,
      threadRootId !== null && input.alsoInConversation ? 1 : 0,
      now,
    );
    if (threadRootId !== null)
      threads.addReply({
        rootId: threadRootId,
        conversationId,
        authorId,
        seq,
        at: now,
        mentions: input.mentions ?? [],
      });
    for (const uploadId of uploadIds) claimUpload.run(conversationId, id, uploadId);
    // A reply kept in its thread is read in the thread (thread_memberships), not here.
    const inMainTimeline = threadRootId === null || input.alsoInConversation === true;
    if (authorId !== null && inMainTimeline) readUpTo.run(seq, conversationId, authorId, seq);
    const message = toMessage(byId.get(id)!, []);
    // The outbox: the follow-up jobs commit with the message or not at all.
    return { message, created: true, queued: insertJobs(input.jobs?.(message) ?? []) };
  });

  const remove = db.transaction((id: string) => {
    const before = byId.get(id);
    if (before && before.deleted_at === null && before.thread_root_id !== null)
      threads.removeReply(before.thread_root_id);
    db.prepare(
      `UPDATE messages SET body = '', attachments = '[]', mentions = '[]', deleted_at = ?
       WHERE id = ? AND deleted_at IS NULL`,
    ).run(Date.now(), id);
    db.prepare('DELETE FROM reactions WHERE message_id = ?').run(id);
    return one(id);
  });

  const activity = db.prepare<{ since: number; ai: string }, DailyActivity>(
    `SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day,
            SUM(author_id IS NOT @ai) AS messages,
            COUNT(DISTINCT CASE WHEN author_id IS NOT @ai THEN author_id END) AS people,
            SUM(author_id IS @ai) AS aiReplies
       FROM messages
      WHERE created_at >= @since AND kind = 'user'
      GROUP BY day ORDER BY day`,
  );

  return {
    async messageActivity({ since, assistantId }) {
      return activity.all({ since: since.getTime(), ai: assistantId });
    },

    async createMessage(input) {
      // IMMEDIATE: the write lock up front, so the retry check and the seq bump see one state.
      return create.immediate(input);
    },

    async getMessage({ id }) {
      return one(id);
    },

    async getMessages({ ids }) {
      const unique = uniqueIds(ids);
      return unique.length === 0 ? [] : withReactions(byIds.all(JSON.stringify(unique)));
    },

    async listMessages({ conversationId, before, after, limit }) {
      const size = pageSize(limit);
      const upwards = readsUpwards({ before, after });
      const rows = upwards
        ? pageUp.all(conversationId, after ?? -1, size + 1)
        : // Newest first from the top (or just below `before`, and above `after` when both are given).
          pageDown.all(conversationId, before ?? Number.MAX_SAFE_INTEGER, after ?? -1, size + 1);
      const { page, hasMore } = seqPage(rows, size, upwards);
      return { messages: withReactions(page), hasMore };
    },

    async countTimelineMessages({ conversationId, afterSeq }) {
      return countAfter.get(conversationId, afterSeq)?.n ?? 0;
    },

    async latestTimelineMessage({ conversationId }) {
      const row = latestInTimeline.get(conversationId);
      return row ? withReactions([row])[0]! : null;
    },

    async editMessage({ id, body, mentions }) {
      checkFields({ messageBody: body });
      // A tombstone stays a tombstone.
      db.prepare(
        `UPDATE messages SET body = ?, mentions = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL`,
      ).run(body, JSON.stringify(mentions), Date.now(), id);
      return one(id);
    },

    async deleteMessage({ id }) {
      return remove.immediate(id);
    },

    async setReaction({ messageId, userId, emoji, present }) {
      const row = byId.get(messageId);
      if (!row) return null;
      if (!present)
        db.prepare('DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ?').run(
          messageId,
          emoji,
          userId,
        );
      else if (row.deleted_at === null)
        db.prepare(
          'INSERT OR IGNORE INTO reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?)',
        ).run(messageId, emoji, userId, Date.now());
      return withReactions([row])[0]!;
    },
  };
}
