/**
 * Versioned schema for the SQLite adapter. Each entry runs once, in order, inside a transaction;
 * `PRAGMA user_version` records how far a database has come. Never edit a shipped migration:
 * add the next one, at the end of the last range file (a new file once that passes ~300 lines).
 */
import { migrationsFrom1To7 } from './migrations-1-7';
import { migrationsFrom8To13 } from './migrations-8-13';

/** Split by range only to keep files small; the order here is the order they run in. */
export const migrations: readonly string[] = [...migrationsFrom1To7, ...migrationsFrom8To13];
