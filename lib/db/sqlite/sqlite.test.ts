import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { storeContracts } from '@/test/contracts';

import type { Store } from '../store';
import { openDatabase } from './connection';
import { migrations } from './migrations';
import { createSqliteStore } from './index';

storeContracts('sqlite', async () => createSqliteStore(':memory:'));

describe('sqlite connection', () => {
  it('migrates a new file to the latest version, with WAL and foreign keys on, and reopens it unchanged', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-db-'));
    try {
      const file = path.join(dir, 'nested', 'parley.db');
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('cache_size', { simple: true })).toBe(-32000);
      db.close();
      const again = openDatabase(file);
      expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sqlite file permissions (the database holds every message and password hash)', () => {
  const modeOf = (file: string) => statSync(file).mode & 0o777;

  it('creates the database, its -wal and -shm 0600 and a new folder 0700, whatever the umask', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-db-'));
    const umask = process.umask(0o022); // the usual default: files 0644, world-readable
    try {
      const file = path.join(dir, 'data', 'parley.db');
      const db = openDatabase(file);
      db.prepare('CREATE TABLE t (x)').run(); // a write, so the WAL files exist
      expect(modeOf(path.dirname(file))).toBe(0o700);
      for (const part of [file, `${file}-wal`, `${file}-shm`])
        expect([part, modeOf(part)]).toEqual([part, 0o600]);
      db.close();
    } finally {
      process.umask(umask);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes an existing world-readable database private when it opens it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-db-'));
    try {
      const file = path.join(dir, 'parley.db');
      openDatabase(file).close();
      chmodSync(file, 0o644);
      writeFileSync(`${file}-wal`, '');
      chmodSync(`${file}-wal`, 0o644);
      openDatabase(file).close();
      expect(modeOf(file)).toBe(0o600);
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

    // The plan above is the guarantee (an index seek, not a scan); a wall-clock bound here would
    // only measure how busy the machine is. Speed is measured by npm run bench:messages.
    for (let i = 0; i < 21; i++) {
      const page = await store.listMessages({ conversationId, before: 50_000 - i, limit: 50 });
      expect(page.messages).toHaveLength(50);
      expect(page.hasMore).toBe(true);
    }
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

describe('sqlite jobs across processes', () => {
  // Two dispatchers on one file are two connections; each claim is one IMMEDIATE transaction.
  const twoStores = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-jobs-'));
    const file = path.join(dir, 'parley.db');
    const one = createSqliteStore(file);
    const two = createSqliteStore(file);
    const cleanup = async () => {
      await one.close();
      await two.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { one, two, cleanup };
  };
  const enqueue = (store: Store, i: number) =>
    store.enqueueJob({
      name: 'notify-message',
      payload: { i },
      dedupeId: `d-${i}`,
      dispatcher: 'local',
      runAt: new Date(1_000 + i),
      maxAttempts: 3,
    });

  it('splits due jobs between two connections to the same file, never twice', async () => {
    const { one, two, cleanup } = twoStores();
    try {
      for (let i = 0; i < 7; i++) await enqueue(i % 2 ? one : two, i);
      const now = new Date(10_000);
      const claimed: string[] = [];
      for (let round = 0; round < 4; round++)
        for (const store of [one, two])
          claimed.push(
            ...(await store.claimDueJobs({ now, limit: 1, leaseMs: 60_000 })).map((j) => j.id),
          );
      expect(claimed).toHaveLength(7);
      expect(new Set(claimed).size).toBe(7);
      const jobs = await Promise.all(claimed.map((id) => two.getJob({ id })));
      expect(jobs.map((job) => job?.payload)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => ({ i })));
    } finally {
      await cleanup();
    }
  });

  it('does not claim while another connection holds the write lock', async () => {
    const { one, two, cleanup } = twoStores();
    try {
      await enqueue(one, 1);
      one.db.pragma('busy_timeout = 20');
      two.db.exec('BEGIN IMMEDIATE');
      const claim = () => one.claimDueJobs({ now: new Date(10_000), limit: 5, leaseMs: 60_000 });
      await expect(claim()).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      two.db.exec('ROLLBACK');
      expect(await claim()).toHaveLength(1);
    } finally {
      await cleanup();
    }
  });
});
