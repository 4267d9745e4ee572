import {
  attachmentsSchema,
  parseJsonColumn,
  stringListSchema,
  systemEventSchema,
} from '../json-columns';
import {
  iso,
  isoOrNull,
  ms,
  msOrNull,
  type DataTransfer,
  type TransferCollection,
  type TransferRecord,
} from '../transfer';
import type { Db } from './connection';
import { toGame as rowToGame } from './games';

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v ?? null) as string | null;
const num = (v: unknown) => v as number;
const numOrNull = (v: unknown) => (v ?? null) as number | null;

type ToRecord = { [C in TransferCollection]: (row: Row, db: Db) => TransferRecord<C> };
const toRecord: ToRecord = {
  users: (r) => ({
    id: str(r.id),
    email: str(r.email),
    name: str(r.name),
    statusText: strOrNull(r.status_text),
    avatarKey: strOrNull(r.avatar_key),
    passwordHash: strOrNull(r.password_hash),
    emailVerified: r.email_verified === 1,
    sessionVersion: num(r.session_version),
    createdAt: iso(num(r.created_at)),
  }),
  conversations: (r) => ({
    id: str(r.id),
    kind: r.kind === 'group' ? 'group' : 'direct',
    name: strOrNull(r.name),
    directKey: strOrNull(r.direct_key),
    createdBy: str(r.created_by),
    lastSeq: num(r.last_seq),
    lastActivityAt: iso(num(r.last_activity_at)),
    createdAt: iso(num(r.created_at)),
  }),
  memberships: (r) => ({
    conversationId: str(r.conversation_id),
    userId: str(r.user_id),
    role: r.role === 'owner' ? 'owner' : r.role === 'admin' ? 'admin' : 'member',
    lastReadSeq: num(r.last_read_seq),
    muted: r.muted === 1,
    joinedAt: iso(num(r.joined_at)),
  }),
  messages: (r, db) => ({
    id: str(r.id),
    conversationId: str(r.conversation_id),
    seq: num(r.seq),
    authorId: strOrNull(r.author_id),
    kind: r.kind === 'system' ? 'system' : 'user',
    body: str(r.body),
    clientId: strOrNull(r.client_id),
    replyToId: strOrNull(r.reply_to_id),
    attachments: parseJsonColumn(attachmentsSchema, str(r.attachments)) ?? [],
    mentions: parseJsonColumn(stringListSchema, str(r.mentions)) ?? [],
    system: parseJsonColumn(systemEventSchema, strOrNull(r.system)),
    threadRootId: strOrNull(r.thread_root_id),
    alsoInConversation: r.also_in_conversation === 1,
    reactions: (
      db
        .prepare(
          'SELECT emoji, user_id, created_at FROM reactions WHERE message_id = ? ORDER BY rowid',
        )
        .all(r.id) as Row[]
    ).map((x) => ({
      emoji: str(x.emoji),
      userId: str(x.user_id),
      createdAt: iso(num(x.created_at)),
    })),
    createdAt: iso(num(r.created_at)),
    editedAt: isoOrNull(numOrNull(r.edited_at)),
    deletedAt: isoOrNull(numOrNull(r.deleted_at)),
  }),
  uploads: (r) => ({
    id: str(r.id),
    userId: str(r.user_id),
    conversationId: strOrNull(r.conversation_id),
    messageId: strOrNull(r.message_id),
    name: str(r.name),
    contentType: str(r.content_type),
    size: num(r.size),
    width: num(r.width),
    height: num(r.height),
    key: str(r.key),
    thumbKey: str(r.thumb_key),
    createdAt: iso(num(r.created_at)),
  }),
  games: (r) => {
    const game = gameFunctionsRow(r);
    return { ...game, dedupeKey: strOrNull(r.dedupe_key) };
  },
  gameStats: (r) => ({
    userId: str(r.user_id),
    kind: r.kind as 'tictactoe' | 'connect4' | 'chess',
    wins: num(r.wins),
    losses: num(r.losses),
    draws: num(r.draws),
    rating: num(r.rating),
  }),
  threads: (r) => ({
    rootId: str(r.root_id),
    conversationId: str(r.conversation_id),
    replyCount: num(r.reply_count),
    lastReplySeq: num(r.last_reply_seq),
    lastReplyAt: iso(num(r.last_reply_at)),
    participantIds: parseJsonColumn(stringListSchema, str(r.participants)) ?? [],
  }),
  threadMemberships: (r) => ({
    rootId: str(r.root_id),
    userId: str(r.user_id),
    conversationId: str(r.conversation_id),
    following: r.following === 1,
    lastReadSeq: num(r.last_read_seq),
    updatedAt: iso(num(r.updated_at)),
  }),
  pins: (r) => ({
    conversationId: str(r.conversation_id),
    messageId: str(r.message_id),
    pinnedBy: str(r.pinned_by),
    pinnedAt: iso(num(r.pinned_at)),
  }),
  pinSettings: (r) => ({
    conversationId: str(r.conversation_id),
    policy: r.policy === 'everyone' ? 'everyone' : 'admins_and_author',
  }),
};

/** A games row as the transfer record (the adapter's own mapping, with ISO times). */
function gameFunctionsRow(r: Row): Omit<TransferRecord<'games'>, 'dedupeKey'> {
  const g = rowToGame(r as Parameters<typeof rowToGame>[0]);
  return {
    ...g,
    turnStartedAt: g.turnStartedAt?.toISOString() ?? null,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
    endedAt: g.endedAt?.toISOString() ?? null,
  };
}

type Insert = { [C in TransferCollection]: (db: Db, record: TransferRecord<C>) => void };
const insert: Insert = {
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

const TABLE: Record<TransferCollection, string> = {
  games: 'games',
  gameStats: 'game_stats',
  users: 'users',
  conversations: 'conversations',
  memberships: 'memberships',
  messages: 'messages',
  uploads: 'uploads',
  threads: 'threads',
  threadMemberships: 'thread_memberships',
  pins: 'pins',
  pinSettings: 'pin_settings',
};

/** The SQLite side of the transfer port, over an open (migrated) database. */
export function createSqliteTransfer(db: Db): DataTransfer {
  return {
    kind: 'sqlite',
    async count(collection) {
      return db.prepare(`SELECT count(*) FROM ${TABLE[collection]}`).pluck().get() as number;
    },
    async *exportRecords<C extends TransferCollection>(collection: C) {
      const convert = toRecord[collection] as (row: Row, db: Db) => TransferRecord<C>;
      // Pages by rowid (insertion order): an open iterator would keep the connection busy, and
      // messages need a second query each for their reactions.
      const page = db.prepare(
        `SELECT rowid AS _rowid, * FROM ${TABLE[collection]} WHERE rowid > ? ORDER BY rowid LIMIT 500`,
      );
      let after = 0;
      for (;;) {
        const rows = page.all(after) as Row[];
        if (rows.length === 0) return;
        for (const row of rows) yield convert(row, db);
        after = rows.at(-1)?._rowid as number;
      }
    },
    async importRecords<C extends TransferCollection>(collection: C, records: TransferRecord<C>[]) {
      const write = insert[collection] as (db: Db, record: TransferRecord<C>) => void;
      db.transaction(() => {
        for (const record of records) write(db, record);
      })();
    },
    async close() {
      db.close();
    },
  };
}
