import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { migrate } from './connection';
import { migrations } from './migrations';

/** A database at version 11 with a notification and a game, as it was before #14's notices. */
function atVersion11() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const [i, sql] of migrations.slice(0, 11).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  }
  db.exec(`
    INSERT INTO users (id, email, name, name_lower, created_at) VALUES ('u_1', 'a@x', 'A', 'a', 1);
    INSERT INTO conversations (id, kind, created_by, last_activity_at, created_at)
      VALUES ('c_1', 'group', 'u_1', 1, 1);
    INSERT INTO notifications (id, user_id, kind, conversation_id, message_id, source_key, preview,
      created_at) VALUES ('ntf_1', 'u_1', 'dm', 'c_1', 'm_1', 'm_1', 'hi', 2);
    INSERT INTO games (id, conversation_id, kind, status, created_by, players, moves, version,
      created_at, updated_at) VALUES ('game_1', 'c_1', 'chess', 'pending', 'u_1', '["u_1"]', '[]',
      1, 3, 3);
  `);
  return db;
}

describe('sqlite migration 12 (game notices, expired challenges)', () => {
  it('keeps every row and index, and takes the new kinds, status and card column', () => {
    const db = atVersion11();
    expect(migrate(db)).toBe(migrations.length);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT id, kind, source_key FROM notifications').all()).toEqual([
      { id: 'ntf_1', kind: 'dm', source_key: 'm_1' },
    ]);
    expect(db.prepare('SELECT id, status, card_message_id FROM games').all()).toEqual([
      { id: 'game_1', status: 'pending', card_message_id: null },
    ]);
    // Migration 13: a game from before has no starting clock (its rematch gets the default).
    expect(db.prepare('SELECT clock_start_ms FROM games').get()).toEqual({ clock_start_ms: null });
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'notifications_recent',
        'notifications_unread',
        'games_conversation',
      ]),
    );
    db.exec(`UPDATE games SET status = 'expired', card_message_id = 'm_9' WHERE id = 'game_1'`);
    db.exec(`INSERT INTO notifications (id, user_id, kind, conversation_id, source_key, preview,
      created_at) VALUES ('ntf_2', 'u_1', 'game_turn', 'c_1', 'game-turn:game_1:2', '', 4)`);
    expect(() => db.exec(`UPDATE games SET status = 'paused'`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE notifications SET kind = 'like'`)).toThrow(/CHECK/);
    // The rebuilt tables' foreign keys hold.
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
