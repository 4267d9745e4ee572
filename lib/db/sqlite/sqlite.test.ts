import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { storeContract } from '../contract';
import { callContract } from '../contract-calls';
import { chatContract } from '../contract-chat';
import { openDatabase } from './connection';
import { migrations } from './migrations';
import { createSqliteStore } from './index';

storeContract('sqlite', async () => createSqliteStore(':memory:'));
chatContract('sqlite', async () => createSqliteStore(':memory:'));
callContract('sqlite', async () => createSqliteStore(':memory:'));

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

describe('sqlite messages', () => {
  const setup = async () => {
    const store = createSqliteStore(':memory:');
    const owner = await store.createUser({ email: 'o@example.com', name: 'O', passwordHash: null });
    const group = await store.createGroup({ name: 'Big', ownerId: owner.id, memberIds: [] });
    return { store, owner: owner.id, conversationId: group.id };
  };

  it('pages a 100,000-message conversation by the (conversation_id, seq) index, fast', async () => {
    const { store, owner, conversationId } = await setup();
    const insert = store.db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, author_id, kind, body, created_at)
       VALUES (?, ?, ?, ?, 'user', ?, ?)`,
    );
    store.db.transaction(() => {
      for (let seq = 1; seq <= 100_000; seq++)
        insert.run(`m_${seq}`, conversationId, seq, owner, `message ${seq}`, Date.now());
      store.db
        .prepare('UPDATE conversations SET last_seq = 100000 WHERE id = ?')
        .run(conversationId);
    })();
    const plan = store.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT * FROM messages WHERE conversation_id = 'c' AND seq < 5 AND seq > 1
         ORDER BY seq DESC LIMIT 51`,
      )
      .all();
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH messages USING INDEX/);

    const timings: number[] = [];
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      const page = await store.listMessages({ conversationId, before: 50_000 - i, limit: 50 });
      timings.push(performance.now() - started);
      expect(page.messages).toHaveLength(50);
      expect(page.hasMore).toBe(true);
    }
    const median = timings.sort((a, b) => a - b)[10]!;
    expect(median).toBeLessThan(10);
    await store.close();
  });

  it('refuses an upload that another message claimed, and spends no seq', async () => {
    const { store, owner, conversationId } = await setup();
    const upload = await store.createUpload({
      userId: owner,
      kind: 'image',
      name: 'a.webp',
      contentType: 'image/webp',
      size: 1,
      width: 1,
      height: 1,
      key: 'k',
      thumbKey: 't',
    });
    const attach = { conversationId, authorId: owner, body: '', attachmentIds: [upload.id] };
    await store.createMessage(attach);
    await expect(store.createMessage(attach)).rejects.toThrow(/claimed/);
    await expect(
      store.createMessage({ ...attach, attachmentIds: ['up_missing'] }),
    ).rejects.toThrow();
    expect((await store.getConversation({ id: conversationId }))?.lastSeq).toBe(1);
    await store.close();
  });

  it('keeps a tombstone a tombstone: no edits, no new reactions', async () => {
    const { store, owner, conversationId } = await setup();
    const { message } = await store.createMessage({ conversationId, authorId: owner, body: 'x' });
    const deleted = await store.deleteMessage({ id: message.id });
    expect(await store.editMessage({ id: message.id, body: 'back', mentions: [] })).toEqual(
      deleted,
    );
    const reacted = { messageId: message.id, userId: owner, emoji: '👍', present: true };
    expect(await store.setReaction(reacted)).toEqual(deleted);
    expect(await store.deleteMessage({ id: message.id })).toEqual(deleted);
    await store.close();
  });
});
