/** The SQLite side of the transfer port: counts, exports and imports each table in pages. */
import type { DataTransfer, TransferCollection, TransferRecord } from '../transfer';
import type { Db } from './connection';
import { insert } from './transfer-inserts';
import { toRecord, type Row } from './transfer-records';

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
