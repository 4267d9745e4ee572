/** SQLite rows as store-neutral transfer records (camelCase, ISO times), one mapping per table. */
import {
  attachmentsSchema,
  parseJsonColumn,
  stringListSchema,
  systemEventSchema,
} from '../json-columns';
import { iso, isoOrNull, type TransferCollection, type TransferRecord } from '../transfer';
import type { Db } from './connection';
import { toGame as rowToGame } from './games';

export type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v ?? null) as string | null;
const num = (v: unknown) => v as number;
const numOrNull = (v: unknown) => (v ?? null) as number | null;

type ToRecord = { [C in TransferCollection]: (row: Row, db: Db) => TransferRecord<C> };
export const toRecord: ToRecord = {
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
