/**
 * Versioned schema for the SQLite adapter. Each entry runs once, in order, inside a transaction;
 * `PRAGMA user_version` records how far a database has come. Never edit a shipped migration:
 * add the next one.
 */
export const migrations: readonly string[] = [
  // 1: bookkeeping the later migrations build on.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`,

  // 2: accounts. Times are epoch milliseconds.
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     name_lower TEXT NOT NULL,
     status_text TEXT,
     avatar_key TEXT,
     password_hash TEXT,
     email_verified INTEGER NOT NULL DEFAULT 0,
     session_version INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX users_name_lower ON users (name_lower, id);
   CREATE TABLE accounts (
     provider TEXT NOT NULL,
     provider_account_id TEXT NOT NULL,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     PRIMARY KEY (provider, provider_account_id)
   );
   CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     last_used_at INTEGER
   );
   CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);`,

  // 3: conversations, memberships, messages, reactions and uploads. JSON columns are parsed with
  // the schemas in lib/db/json-columns.ts. direct_key ("a:b", the sorted pair) makes the direct
  // conversation between two people unique; groups leave it null. UNIQUE (conversation_id, seq)
  // is also the index that pages messages. reply_to_id has no foreign key: messages are only
  // tombstoned, and a key on it would need one more index to cascade a conversation's deletion.
  `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('direct', 'group')),
     name TEXT,
     direct_key TEXT UNIQUE,
     created_by TEXT NOT NULL,
     last_seq INTEGER NOT NULL DEFAULT 0,
     last_activity_at INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX conversations_activity ON conversations (last_activity_at DESC, id DESC);
   CREATE TABLE memberships (
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
     last_read_seq INTEGER NOT NULL DEFAULT 0,
     muted INTEGER NOT NULL DEFAULT 0,
     joined_at INTEGER NOT NULL,
     PRIMARY KEY (conversation_id, user_id)
   );
   CREATE INDEX memberships_user ON memberships (user_id);
   CREATE TABLE messages (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
     kind TEXT NOT NULL CHECK (kind IN ('user', 'system')),
     body TEXT NOT NULL,
     client_id TEXT,
     reply_to_id TEXT,
     attachments TEXT NOT NULL DEFAULT '[]',
     mentions TEXT NOT NULL DEFAULT '[]',
     system TEXT,
     created_at INTEGER NOT NULL,
     edited_at INTEGER,
     deleted_at INTEGER,
     UNIQUE (conversation_id, seq),
     UNIQUE (conversation_id, author_id, client_id)
   );
   CREATE TABLE reactions (
     message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
     emoji TEXT NOT NULL,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (message_id, emoji, user_id)
   );
   CREATE TABLE uploads (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     conversation_id TEXT REFERENCES conversations (id) ON DELETE CASCADE,
     message_id TEXT REFERENCES messages (id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     content_type TEXT NOT NULL,
     size INTEGER NOT NULL,
     width INTEGER NOT NULL,
     height INTEGER NOT NULL,
     key TEXT NOT NULL,
     thumb_key TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX uploads_message ON uploads (message_id);`,

  // 4: calls. participants and declined_by are JSON arrays of user ids. The partial unique index
  // is what keeps a conversation to one live (ringing or active) call, even across processes.
  `CREATE TABLE calls (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     started_by TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
     state TEXT NOT NULL CHECK (state IN ('ringing', 'active', 'ended')),
     outcome TEXT CHECK (outcome IN ('completed', 'missed', 'declined')),
     participants TEXT NOT NULL DEFAULT '[]',
     declined_by TEXT NOT NULL DEFAULT '[]',
     started_at INTEGER NOT NULL,
     answered_at INTEGER,
     ended_at INTEGER,
     CHECK ((state = 'ended') = (outcome IS NOT NULL))
   );
   CREATE UNIQUE INDEX calls_live ON calls (conversation_id) WHERE state != 'ended';
   CREATE INDEX calls_conversation ON calls (conversation_id, started_at DESC);`,

  // 5: jobs, notifications, notification settings and web push subscriptions. jobs is the
  // local queue (and the ledger of QStash deliveries): jobs_due is what the dispatcher polls.
  // notifications.source_key is the message id, else the call id: one per person per source.
  // users_created finds the first person to sign up (the default admin).
  `CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     payload TEXT NOT NULL,
     dedupe_id TEXT NOT NULL UNIQUE,
     dispatcher TEXT NOT NULL CHECK (dispatcher IN ('local', 'qstash')),
     state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
     run_at INTEGER NOT NULL,
     locked_until INTEGER,
     last_error TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     finished_at INTEGER
   );
   CREATE INDEX jobs_due ON jobs (state, run_at);
   CREATE INDEX jobs_recent ON jobs (state, updated_at DESC, id DESC);
   CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('mention', 'dm', 'reply', 'message', 'missed_call')),
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     message_id TEXT,
     call_id TEXT,
     source_key TEXT NOT NULL,
     seq INTEGER,
     actor_id TEXT,
     preview TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     read_at INTEGER,
     pushed_at INTEGER,
     emailed_at INTEGER,
     UNIQUE (user_id, source_key)
   );
   CREATE INDEX notifications_recent ON notifications (user_id, created_at DESC, id DESC);
   CREATE INDEX notifications_unread ON notifications (user_id, read_at);
   CREATE TABLE notification_settings (
     user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
     level TEXT NOT NULL CHECK (level IN ('all', 'mentions', 'nothing')),
     email_digest INTEGER NOT NULL,
     last_digest_at INTEGER
   );
   CREATE TABLE push_subscriptions (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     endpoint TEXT NOT NULL UNIQUE,
     p256dh TEXT NOT NULL,
     auth TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);
   CREATE INDEX users_created ON users (created_at, id);`,
  // 6: account security. two_factor holds the sealed TOTP secret (enabled_at null while
  // enrolment waits for its first code) and the last accepted time step (no code twice);
  // recovery codes are SHA-256 hashes, deleted as they are spent. sessions back the `sid`
  // claim of session cookies. findable_by_email is the "let people find me by email" setting.
  `ALTER TABLE users ADD COLUMN findable_by_email INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE two_factor (
     user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
     secret_box TEXT NOT NULL,
     enabled_at INTEGER,
     last_step INTEGER
   );
   CREATE TABLE recovery_codes (
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     code_hash TEXT NOT NULL,
     PRIMARY KEY (user_id, code_hash)
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     user_agent TEXT,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_user ON sessions (user_id, last_seen_at DESC, id);`,
  // 7: the W3C traceparent of the request that queued a job, so its worker continues the trace.
  `ALTER TABLE jobs ADD COLUMN traceparent TEXT;`,
  // 8: games (#14): one row per game, its moves and clocks as JSON, `version` for optimistic
  // concurrency (every write is conditional on it); game_stats holds each person's counters and
  // Elo per game. Self-contained: it only references users and conversations.
  `CREATE TABLE games (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('tictactoe', 'connect4', 'chess')),
     status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'ended', 'declined')),
     created_by TEXT NOT NULL,
     invited_id TEXT,
     players TEXT NOT NULL,
     moves TEXT NOT NULL,
     version INTEGER NOT NULL,
     turn_ms INTEGER,
     clocks TEXT,
     turn_started_at INTEGER,
     draw_offered_by TEXT,
     ai_level TEXT CHECK (ai_level IN ('easy', 'medium', 'hard')),
     rematch_of TEXT,
     result TEXT,
     dedupe_key TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     ended_at INTEGER,
     UNIQUE (created_by, dedupe_key)
   );
   CREATE INDEX games_conversation ON games (conversation_id, created_at DESC, id DESC);
   CREATE TABLE game_stats (
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('tictactoe', 'connect4', 'chess')),
     wins INTEGER NOT NULL DEFAULT 0,
     losses INTEGER NOT NULL DEFAULT 0,
     draws INTEGER NOT NULL DEFAULT 0,
     rating INTEGER NOT NULL,
     PRIMARY KEY (user_id, kind)
   );`,
  // 9: search (#15): two contentless FTS5 indexes keyed by the message's rowid, kept in step by
  // triggers, so every insert, edit, tombstone and deletion updates them in its own transaction.
  // message_search: words (unicode61, case and diacritics folded) plus a `meta` column of
  // filter tokens (conv<id>, from<id>, hasimage, hasfile, haslink) so membership and filters are
  // answered inside the index; prefix indexes for 2-4 characters keep "hel" from merging the
  // doclists of every word that starts with it. message_search_cjk: trigrams for substring search, holding only
  // messages with text written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar): the words
  // index finds everything else by prefix, and skipping the rest keeps the index and each send
  // small. Deleted and system messages are never indexed. Backfills what exists.
  `CREATE VIRTUAL TABLE message_search USING fts5(
     body, meta, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2',
     prefix = '2 3 4'
   );
   CREATE VIRTUAL TABLE message_search_cjk USING fts5(
     body, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
   );
   CREATE VIEW message_search_source AS
     SELECT rowid AS id, body,
       'conv' || replace(conversation_id, '_', '')
       || coalesce(' from' || replace(author_id, '_', ''), '')
       || CASE WHEN attachments <> '[]' THEN ' hasimage hasfile' ELSE '' END
       || CASE WHEN instr(lower(body), 'http://') > 0 OR instr(lower(body), 'https://') > 0
                 OR instr(lower(body), 'www.') > 0 THEN ' haslink' ELSE '' END AS meta,
       body GLOB '*[぀-ヿ㐀-鿿豈-﫿฀-໿က-႟ក-៿𠀀-𯿿]*' AS unspaced
     FROM messages WHERE kind = 'user' AND deleted_at IS NULL;
   CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
     INSERT INTO message_search (rowid, body, meta)
       SELECT id, body, meta FROM message_search_source WHERE id = new.rowid;
     INSERT INTO message_search_cjk (rowid, body)
       SELECT id, body FROM message_search_source WHERE id = new.rowid AND unspaced;
   END;
   CREATE TRIGGER messages_search_update
   AFTER UPDATE OF body, attachments, deleted_at, author_id, kind ON messages BEGIN
     DELETE FROM message_search WHERE rowid = old.rowid;
     DELETE FROM message_search_cjk WHERE rowid = old.rowid;
     INSERT INTO message_search (rowid, body, meta)
       SELECT id, body, meta FROM message_search_source WHERE id = new.rowid;
     INSERT INTO message_search_cjk (rowid, body)
       SELECT id, body FROM message_search_source WHERE id = new.rowid AND unspaced;
   END;
   CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
     DELETE FROM message_search WHERE rowid = old.rowid;
     DELETE FROM message_search_cjk WHERE rowid = old.rowid;
   END;
   INSERT INTO message_search (rowid, body, meta) SELECT id, body, meta FROM message_search_source;
   INSERT INTO message_search_cjk (rowid, body)
     SELECT id, body FROM message_search_source WHERE unspaced;`,
  // 10: threads and pins (issue 15). A reply is a message with thread_root_id set; it keeps the
  // conversation's seq. threads holds each root's summary (participants: JSON, newest first),
  // written in the reply's transaction; thread_memberships is per person and root (following,
  // read position). pins are per conversation (at most 50, checked in the pinning transaction);
  // pin_settings holds a group's pin policy when it differs from the default. No foreign key on
  // root_id/message_id: messages are only tombstoned, never deleted on their own.
  `ALTER TABLE messages ADD COLUMN thread_root_id TEXT;
   ALTER TABLE messages ADD COLUMN also_in_conversation INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX messages_thread ON messages (thread_root_id, seq) WHERE thread_root_id IS NOT NULL;
   CREATE TABLE threads (
     root_id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     reply_count INTEGER NOT NULL,
     last_reply_seq INTEGER NOT NULL,
     last_reply_at INTEGER NOT NULL,
     participants TEXT NOT NULL
   );
   CREATE TABLE thread_memberships (
     root_id TEXT NOT NULL,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     following INTEGER NOT NULL,
     last_read_seq INTEGER NOT NULL DEFAULT 0,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (root_id, user_id)
   );
   CREATE INDEX thread_memberships_followed ON thread_memberships (user_id, following);
   CREATE TABLE pins (
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     message_id TEXT NOT NULL,
     pinned_by TEXT NOT NULL,
     pinned_at INTEGER NOT NULL,
     PRIMARY KEY (conversation_id, message_id)
   );
   CREATE TABLE pin_settings (
     conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
     policy TEXT NOT NULL CHECK (policy IN ('admins_and_author', 'everyone'))
   );`,
  // 11: Do not disturb (no web push; notifications still stored and counted).
  `ALTER TABLE notification_settings ADD COLUMN do_not_disturb INTEGER NOT NULL DEFAULT 0;`,
  // 12: game notifications and challenge expiry (#14). SQLite cannot change a CHECK, so both
  // tables are rebuilt with their rows: notifications take the kinds 'game_challenge' and
  // 'game_turn'; games take the status 'expired' and card_message_id (the game card's message,
  // where a game's notifications lead). Nothing references either table, so dropping the old
  // ones with foreign keys on checks nothing and loses nothing.
  `CREATE TABLE notifications_12 (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('mention', 'dm', 'reply', 'message', 'missed_call',
       'game_challenge', 'game_turn')),
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     message_id TEXT,
     call_id TEXT,
     source_key TEXT NOT NULL,
     seq INTEGER,
     actor_id TEXT,
     preview TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     read_at INTEGER,
     pushed_at INTEGER,
     emailed_at INTEGER,
     UNIQUE (user_id, source_key)
   );
   INSERT INTO notifications_12 SELECT id, user_id, kind, conversation_id, message_id, call_id,
     source_key, seq, actor_id, preview, created_at, read_at, pushed_at, emailed_at
     FROM notifications;
   DROP TABLE notifications;
   ALTER TABLE notifications_12 RENAME TO notifications;
   CREATE INDEX notifications_recent ON notifications (user_id, created_at DESC, id DESC);
   CREATE INDEX notifications_unread ON notifications (user_id, read_at);
   CREATE TABLE games_12 (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('tictactoe', 'connect4', 'chess')),
     status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'ended', 'declined', 'expired')),
     created_by TEXT NOT NULL,
     invited_id TEXT,
     players TEXT NOT NULL,
     moves TEXT NOT NULL,
     version INTEGER NOT NULL,
     turn_ms INTEGER,
     clocks TEXT,
     turn_started_at INTEGER,
     draw_offered_by TEXT,
     ai_level TEXT CHECK (ai_level IN ('easy', 'medium', 'hard')),
     rematch_of TEXT,
     result TEXT,
     dedupe_key TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     ended_at INTEGER,
     card_message_id TEXT,
     UNIQUE (created_by, dedupe_key)
   );
   INSERT INTO games_12 SELECT id, conversation_id, kind, status, created_by, invited_id, players,
     moves, version, turn_ms, clocks, turn_started_at, draw_offered_by, ai_level, rematch_of,
     result, dedupe_key, created_at, updated_at, ended_at, NULL
     FROM games;
   DROP TABLE games;
   ALTER TABLE games_12 RENAME TO games;
   CREATE INDEX games_conversation ON games (conversation_id, created_at DESC, id DESC);`,

  // 13: the time a chess game's clocks started with, so a rematch starts with the same (#14).
  // Games from before keep NULL: their rematch gets the default clock.
  `ALTER TABLE games ADD COLUMN clock_start_ms INTEGER;`,
];
