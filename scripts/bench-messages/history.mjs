// The history figure: one conversation with N messages (default 100,000) written straight into
// the SQLite file, then `GET /conversations/:id/messages?before=<random seq>&limit=50` timed over
// HTTP, and the adapter's own SQL for that page timed on the file directly.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';

import { summarize } from '../lib/stats.mjs';
import { newId, SENTENCES, step } from './util.mjs';

export async function historyPhase(server, api, config, runId, { around } = {}) {
  const { members, conversationId } = await historyConversation(api, runId);
  step(`writing ${config.historyMessages.toLocaleString('en')} messages into the SQLite file…`);
  const dbFile = path.join(server.dataDir, 'parley.db');
  const written = writeHistory(
    dbFile,
    conversationId,
    members,
    config.historyMessages,
  );

  const randomBefore = () =>
    config.historyPageSize +
    1 +
    Math.floor(Math.random() * (written.lastSeq - config.historyPageSize));

  step(`timing ${config.historyRequests} history pages over HTTP…`);
  const pageUrl = (before) =>
    `${server.baseUrl}/api/v1/conversations/${conversationId}/messages?before=${before}&limit=${config.historyPageSize}`;
  const getPage = async (before, retried = false) => {
    let res;
    try {
      res = await fetch(pageUrl(before), { headers: { cookie: members[0].cookie } });
    } catch (err) {
      // A kept-alive connection the server closed while the file was being written: once more.
      if (retried) throw err;
      return getPage(before, true);
    }
    const json = await res.json();
    return res.ok ? json.messages.length : -res.status;
  };
  for (let i = 0; i < 20; i++) await getPage(randomBefore()); // warm-up
  const http = [];
  let short = 0;
  const stopProfile = around ? await around.start() : null;
  for (let i = 0; i < config.historyRequests; i++) {
    const t = performance.now();
    const count = await getPage(randomBefore());
    http.push(performance.now() - t);
    if (count !== config.historyPageSize) short++;
  }
  const profile = stopProfile ? await stopProfile() : undefined;

  step(`timing ${config.historyRequests} history pages on the store (adapter SQL)…`);
  const store = storeTimings(config, dbFile, conversationId, randomBefore);

  return {
    ...(profile ? { profile } : {}),
    conversationMessages: config.historyMessages,
    reactionsWritten: written.reactions,
    repliesWritten: written.replies,
    insertSeconds: Math.round(written.insertSeconds * 100) / 100,
    flushSeconds: Math.round(written.flushSeconds * 100) / 100,
    pageSize: config.historyPageSize,
    requests: config.historyRequests,
    httpLatencyMs: summarize(http),
    httpPagesNotFull: short,
    storeLatencyMs: store.full,
    storePageQueryOnlyMs: store.pageOnly,
  };
}

/** Five people (the first signed in) and their group, through the API. */
export async function historyConversation(api, runId) {
  const members = [];
  for (let i = 0; i < 5; i++) {
    const { user, cookie } = await api.signUpOrIn({
      email: `history${i}.${runId}@bench.parley.dev`,
      password: 'bench-password',
      name: `History Person ${i}`,
    });
    members.push({ id: user.id, cookie });
  }
  const { body } = await api.post(
    '/conversations',
    { kind: 'group', name: 'Bench history', memberIds: members.slice(1).map((m) => m.id) },
    { as: members[0] },
  );
  const conversationId = body.conversation.id;

  return { members, conversationId };
}

/**
 * Writes `N` messages (with reactions and replies, as people leave them) into the conversation,
 * straight into the SQLite file, then checkpoints and flushes it.
 */
export function writeHistory(dbFile, conversationId, members, N) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // The same columns createMessage() writes (lib/db/sqlite/messages.ts, migration 3).
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, seq, author_id, kind, body, client_id, reply_to_id,
       attachments, mentions, system, created_at)
     VALUES (?, ?, ?, ?, 'user', ?, ?, ?, '[]', '[]', NULL, ?)`,
  );
  const react = db.prepare(
    'INSERT OR IGNORE INTO reactions (message_id, emoji, user_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertStarted = performance.now();
  const written = db.transaction(() => {
    const { last_seq: from } = db
      .prepare('SELECT last_seq FROM conversations WHERE id = ?')
      .get(conversationId);
    const ids = [];
    const now = Date.now();
    let reactions = 0;
    let replies = 0;
    for (let i = 1; i <= N; i++) {
      const seq = from + i;
      const id = newId('m');
      ids.push(id);
      const author = members[i % members.length];
      // About 3% are replies to one of the previous 300 messages (some outside the page).
      let replyTo = null;
      if (i > 300 && i % 33 === 0) {
        replyTo = ids[i - 1 - (1 + ((i * 7919) % 300))];
        replies++;
      }
      const createdAt = now - (N - i) * 1000;
      insert.run(
        id,
        conversationId,
        seq,
        author.id,
        `${SENTENCES[i % SENTENCES.length]} (#${i})`,
        `hist-${i}`,
        replyTo,
        createdAt,
      );
      // About 5% carry a reaction or two.
      if (i % 20 === 7) {
        react.run(id, '👍', members[(i + 1) % members.length].id, createdAt + 500);
        reactions++;
        if (i % 40 === 7) {
          react.run(id, '🎉', members[(i + 2) % members.length].id, createdAt + 800);
          reactions++;
        }
      }
    }
    db.prepare(
      'UPDATE conversations SET last_seq = last_seq + ?, last_activity_at = ? WHERE id = ?',
    ).run(N, now, conversationId);
    return { lastSeq: from + N, reactions, replies };
  })();
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  // The server's own connection checkpoints as it writes (every 1,000 pages), so its WAL stays
  // small; this bulk write bypasses it. TRUNCATE copies the WAL back and empties it, as the
  // server's reads would find it in use. The write also leaves tens of MB of dirty pages (the
  // search index doubles them) that the kernel writes back over the next seconds: timed then,
  // the pages would measure that writeback, not Parley. Flushed first, they measure page loads.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const flushStarted = performance.now();
  flushToDisk([dbFile, `${dbFile}-wal`]);
  const flushSeconds = (performance.now() - flushStarted) / 1000;

  return { ...written, insertSeconds, flushSeconds };
}

/** fsync each file that exists: its dirty pages reach the disk before anything is timed. */
function flushToDisk(files) {
  for (const file of files) {
    if (!existsSync(file)) continue;
    const fd = openSync(file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * What SqliteStore.listMessages() plus withReplies() run for one page, on a fresh connection to
 * the same file: the page (UNIQUE (conversation_id, seq) index), the page's reactions, the reply
 * targets not in the page and their reactions; the JSON columns parsed as toMessage() does.
 */
function storeTimings(config, dbFile, conversationId, randomBefore) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const pageDown = db.prepare(
    `SELECT * FROM messages WHERE conversation_id = ? AND seq < ? AND seq > ?
     ORDER BY seq DESC LIMIT ?`,
  );
  const reactionsOf = db.prepare(
    `SELECT message_id, emoji, user_id FROM reactions
     WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
  );
  const byIds = db.prepare('SELECT * FROM messages WHERE id IN (SELECT value FROM json_each(?))');
  const withReactions = (rows) => {
    if (rows.length === 0) return [];
    const grouped = new Map();
    for (const r of reactionsOf.all(JSON.stringify(rows.map((row) => row.id)))) {
      const byEmoji = grouped.get(r.message_id) ?? new Map();
      grouped.set(r.message_id, byEmoji);
      byEmoji.set(r.emoji, [...(byEmoji.get(r.emoji) ?? []), r.user_id]);
    }
    return rows.map((row) => ({
      ...row,
      attachments: JSON.parse(row.attachments),
      mentions: JSON.parse(row.mentions),
      system: row.system === null ? null : JSON.parse(row.system),
      reactions: [...(grouped.get(row.id) ?? [])].map(([emoji, userIds]) => ({ emoji, userIds })),
    }));
  };
  const size = config.historyPageSize;
  const one = () => {
    const rows = pageDown.all(conversationId, randomBefore(), -1, size + 1);
    const messages = withReactions(rows.slice(0, size).reverse());
    const inPage = new Set(messages.map((m) => m.id));
    const missing = [
      ...new Set(messages.map((m) => m.reply_to_id).filter((id) => id && !inPage.has(id))),
    ];
    if (missing.length > 0) withReactions(byIds.all(JSON.stringify(missing)));
    return messages.length;
  };
  for (let i = 0; i < 20; i++) one(); // warm-up
  const full = [];
  for (let i = 0; i < config.historyRequests; i++) {
    const t = performance.now();
    one();
    full.push(performance.now() - t);
  }
  const pageOnly = [];
  for (let i = 0; i < config.historyRequests; i++) {
    const t = performance.now();
    pageDown.all(conversationId, randomBefore(), -1, size + 1);
    pageOnly.push(performance.now() - t);
  }
  db.close();
  return { full: summarize(full), pageOnly: summarize(pageOnly) };
}
