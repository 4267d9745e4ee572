/** Transfer records written back as SQLite rows, one insert per table. */
import { ms, msOrNull, type TransferCollection, type TransferRecord } from '../transfer';
import type { Db } from './connection';

type Insert = { [C in TransferCollection]: (db: Db, record: TransferRecord<C>) => void };
export const insert: Insert = {
  users: (db, u) =>
    db
      .prepare(
        `INSERT INTO users (id, email, name, name_lower, status_text, avatar_key, password_hash,
           email_verified, session_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        u.id,
        u.email,
        u.name,
        u.name.toLowerCase(),
        u.statusText,
        u.avatarKey,
        u.passwordHash,
        u.emailVerified ? 1 : 0,
        u.sessionVersion,
        ms(u.createdAt),
      ),
  conversations: (db, c) =>
    db
      .prepare(
        `INSERT INTO conversations (id, kind, name, direct_key, created_by, last_seq,
           last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.id,
        c.kind,
        c.name,
        c.directKey,
        c.createdBy,
        c.lastSeq,
        ms(c.lastActivityAt),
        ms(c.createdAt),
      ),
  memberships: (db, m) =>
    db
      .prepare(
        `INSERT INTO memberships (conversation_id, user_id, role, last_read_seq, muted, joined_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(m.conversationId, m.userId, m.role, m.lastReadSeq, m.muted ? 1 : 0, ms(m.joinedAt)),
  messages: (db, m) => {
    db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, author_id, kind, body, client_id, reply_to_id,
         attachments, mentions, system, thread_root_id, also_in_conversation, created_at, edited_at,
         deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      m.id,
      m.conversationId,
      m.seq,
      m.authorId,
      m.kind,
      m.body,
      m.clientId,
      m.replyToId,
      JSON.stringify(m.attachments),
      JSON.stringify(m.mentions),
      m.system === null ? null : JSON.stringify(m.system),
      m.threadRootId,
      m.alsoInConversation ? 1 : 0,
      ms(m.createdAt),
      msOrNull(m.editedAt),
      msOrNull(m.deletedAt),
    );
    const reaction = db.prepare(
      'INSERT INTO reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?)',
    );
    for (const r of m.reactions)
      reaction.run(m.id, r.emoji, r.userId, ms(r.createdAt ?? m.createdAt));
  },
  uploads: (db, u) =>
    db
      .prepare(
        `INSERT INTO uploads (id, user_id, conversation_id, message_id, name, content_type, size,
           width, height, key, thumb_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        u.id,
        u.userId,
        u.conversationId,
        u.messageId,
        u.name,
        u.contentType,
        u.size,
        u.width,
        u.height,
        u.key,
        u.thumbKey,
        ms(u.createdAt),
      ),
  games: (db, g) =>
    db
      .prepare(
        `INSERT INTO games (id, conversation_id, kind, status, created_by, invited_id, players, moves,
           version, turn_ms, clocks, turn_started_at, draw_offered_by, ai_level, rematch_of, result,
           dedupe_key, created_at, updated_at, ended_at, card_message_id, clock_start_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        g.id,
        g.conversationId,
        g.kind,
        g.status,
        g.createdBy,
        g.invitedId,
        JSON.stringify(g.players),
        JSON.stringify(g.moves),
        g.version,
        g.turnMs,
        g.clocks === null ? null : JSON.stringify(g.clocks),
        msOrNull(g.turnStartedAt),
        g.drawOfferedBy,
        g.aiLevel,
        g.rematchOf,
        g.result === null ? null : JSON.stringify(g.result),
        g.dedupeKey,
        ms(g.createdAt),
        ms(g.updatedAt),
        msOrNull(g.endedAt),
        g.cardMessageId,
        g.clockStartMs,
      ),
  gameStats: (db, s) =>
    db
      .prepare(
        `INSERT INTO game_stats (user_id, kind, wins, losses, draws, rating) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(s.userId, s.kind, s.wins, s.losses, s.draws, s.rating),
  threads: (db, t) =>
    db
      .prepare(
        `INSERT INTO threads (root_id, conversation_id, reply_count, last_reply_seq, last_reply_at,
           participants) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        t.rootId,
        t.conversationId,
        t.replyCount,
        t.lastReplySeq,
        ms(t.lastReplyAt),
        JSON.stringify(t.participantIds),
      ),
  threadMemberships: (db, m) =>
    db
      .prepare(
        `INSERT INTO thread_memberships (root_id, user_id, conversation_id, following,
           last_read_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.rootId,
        m.userId,
        m.conversationId,
        m.following ? 1 : 0,
        m.lastReadSeq,
        ms(m.updatedAt),
      ),
  pins: (db, p) =>
    db
      .prepare(
        'INSERT INTO pins (conversation_id, message_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?)',
      )
      .run(p.conversationId, p.messageId, p.pinnedBy, ms(p.pinnedAt)),
  pinSettings: (db, p) =>
    db
      .prepare('INSERT INTO pin_settings (conversation_id, policy) VALUES (?, ?)')
      .run(p.conversationId, p.policy),
};
