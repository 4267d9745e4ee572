/** SQLite migrations 1–7 (accounts, conversations, messages, calls, jobs, security). */
export const migrationsFrom1To7: readonly string[] = [
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
];
