import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { storeContract } from '../contract';
import { openDatabase } from './connection';
import { migrations } from './migrations';
import { createSqliteStore } from './index';

storeContract('sqlite', async () => createSqliteStore(':memory:'));

describe('sqlite connection', () => {
  it('migrates a new file to the latest version, with WAL and foreign keys on, and reopens it unchanged', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-db-'));
    try {
      const file = path.join(dir, 'nested', 'parley.db');
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
      const again = openDatabase(file);
      expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
