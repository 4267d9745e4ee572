/** SQLite migrations 8–13 (games, search, threads and pins, Do not disturb, game alerts). */
export const migrationsFrom8To13: readonly string[] = [
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
