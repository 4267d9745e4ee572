/** SQLite message rows and how they become messages (with reactions and thread summaries). */
import {
  attachmentsSchema,
  parseJsonColumn,
  stringListSchema,
  systemEventSchema,
} from '../json-columns';
import type { Message, Reaction, ThreadSummary } from '../types';
import type { Db } from './connection';
import { threadsOf } from './threads';

// The CHECK constraint in migration 3 guarantees `kind`.
export type MessageRow = {
  id: string;
  conversation_id: string;
  seq: number;
  author_id: string | null;
  kind: Message['kind'];
  body: string;
  client_id: string | null;
  reply_to_id: string | null;
  attachments: string;
  mentions: string;
  system: string | null;
  thread_root_id: string | null;
  also_in_conversation: number;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
};

type ReactionRow = { message_id: string; emoji: string; user_id: string };

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

export function toMessage(
  row: MessageRow,
  reactions: Reaction[],
  thread: ThreadSummary | null = null,
): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    authorId: row.author_id,
    kind: row.kind,
    body: row.body,
    clientId: row.client_id,
    replyToId: row.reply_to_id,
    attachments: parseJsonColumn(attachmentsSchema, row.attachments) ?? [],
    mentions: parseJsonColumn(stringListSchema, row.mentions) ?? [],
    reactions,
    system: parseJsonColumn(systemEventSchema, row.system),
    threadRootId: row.thread_root_id,
    alsoInConversation: row.also_in_conversation === 1,
    thread,
    createdAt: new Date(row.created_at),
    editedAt: date(row.edited_at),
    deletedAt: date(row.deleted_at),
  };
}

/** Rows as messages, with the reactions of all of them read in one query. */
export function messageReader(db: Db): (rows: MessageRow[]) => Message[] {
  const reactionsOf = db.prepare<[string], ReactionRow>(
    `SELECT message_id, emoji, user_id FROM reactions
     WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
  );
  const summaries = threadsOf(db);
  return (rows) => {
    if (rows.length === 0) return [];
    const grouped = new Map<string, Map<string, string[]>>();
    for (const r of reactionsOf.all(JSON.stringify(rows.map((row) => row.id)))) {
      const byEmoji = grouped.get(r.message_id) ?? new Map<string, string[]>();
      grouped.set(r.message_id, byEmoji);
      byEmoji.set(r.emoji, [...(byEmoji.get(r.emoji) ?? []), r.user_id]);
    }
    // A thread's root carries its summary (reply count, last reply, who replied).
    const roots = summaries(rows.map((row) => row.id));
    return rows.map((row) =>
      toMessage(
        row,
        [...(grouped.get(row.id) ?? [])].map(([emoji, userIds]) => ({ emoji, userIds })),
        roots.get(row.id) ?? null,
      ),
    );
  };
}
