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
];
