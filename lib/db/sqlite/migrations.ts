/**
 * Versioned schema for the SQLite adapter. Each entry runs once, in order, inside a transaction;
 * `PRAGMA user_version` records how far a database has come. Never edit a shipped migration:
 * add the next one.
 */
export const migrations: readonly string[] = [
  // 1: bookkeeping the later migrations build on.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`,
];
