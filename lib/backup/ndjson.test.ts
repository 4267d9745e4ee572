import Database from 'better-sqlite3';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Store } from '@/lib/db/store';
import { createSqliteStore } from '@/lib/db/sqlite';
import { createSqliteTransfer } from '@/lib/db/sqlite/transfer';

import { BackupError } from './errors';
import { exportNdjson, importNdjson } from './ndjson';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-ndjson-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Everything the export carries: people, a DM, a group, edits, deletions, reactions, uploads. */
async function fill(store: Store) {
  const ana = await store.createUser({
    email: 'ana@x.test',
    name: 'Ana',
    passwordHash: 'hash-a',
    emailVerified: true,
  });
  const ben = await store.createUser({ email: 'ben@x.test', name: 'Ben', passwordHash: null });
  const cy = await store.createUser({ email: 'cy@x.test', name: 'Cy', passwordHash: 'hash-c' });
  await store.updateUser({ id: ben.id, statusText: 'away', avatarKey: 'avatars/b/1.webp' });
  await store.bumpSessionVersion({ id: cy.id });
  const { conversation: dm } = await store.findOrCreateDirect({
    userIds: [ana.id, ben.id],
    createdBy: ana.id,
  });
  const group = await store.createGroup({
    name: 'Ops',
    ownerId: ana.id,
    memberIds: [ben.id, cy.id],
  });
  await store.createMessage({
    conversationId: group.id,
    authorId: null,
    body: '',
    system: { type: 'conversation.created', actorId: ana.id },
  });
  const upload = await store.createUpload({
    userId: ana.id,
    kind: 'image',
    name: 'cat.png',
    contentType: 'image/webp',
    size: 123,
    width: 10,
    height: 20,
    key: 'uploads/k.webp',
    thumbKey: 'uploads/k-t.webp',
  });
  await store.createUpload({
    userId: ben.id,
    kind: 'image',
    name: 'unclaimed.png',
    contentType: 'image/webp',
    size: 9,
    width: 1,
    height: 1,
    key: 'k2',
    thumbKey: 'k2t',
  });
  const { message: first } = await store.createMessage({
    conversationId: dm.id,
    authorId: ana.id,
    body: 'hi **Ben**',
    clientId: 'c1',
    attachmentIds: [upload.id],
  });
  const { message: second } = await store.createMessage({
    conversationId: dm.id,
    authorId: ben.id,
    body: 'hey @Ana',
    mentions: [ana.id],
    replyToId: first.id,
  });
  await store.editMessage({ id: second.id, body: 'hey @Ana!', mentions: [ana.id] });
  await store.setReaction({ messageId: first.id, userId: ben.id, emoji: '👍', present: true });
  await store.setReaction({ messageId: first.id, userId: ana.id, emoji: '👍', present: true });
  const { message: gone } = await store.createMessage({
    conversationId: group.id,
    authorId: cy.id,
    body: 'oops',
  });
  await store.deleteMessage({ id: gone.id });
  await store.updateMembership({
    conversationId: group.id,
    userId: cy.id,
    muted: true,
    role: 'admin',
  });
  await store.markRead({ conversationId: dm.id, userId: ben.id, seq: 1 });
  // A finished game with its stats, and a pending challenge.
  const { game } = await store.createGame({
    conversationId: dm.id,
    kind: 'connect4',
    createdBy: ana.id,
    invitedId: ben.id,
    turnMs: 60_000,
    clocks: null,
    aiLevel: null,
    rematchOf: null,
    dedupeKey: 'c-game',
  });
  await store.updateGame({
    id: game.id,
    expectedVersion: 1,
    set: {
      status: 'ended',
      players: [ana.id, ben.id],
      moves: ['3', '4'],
      turnStartedAt: new Date(1_000),
      result: { winnerId: ben.id, reason: 'resign', line: [] },
      endedAt: new Date(2_000),
    },
    stats: [
      { userId: ana.id, kind: 'connect4', result: 'loss', rating: 1184 },
      { userId: ben.id, kind: 'connect4', result: 'win', rating: 1216 },
    ],
  });
  await store.createGame({
    conversationId: group.id,
    kind: 'chess',
    createdBy: cy.id,
    invitedId: null,
    turnMs: null,
    clocks: [300_000, 300_000],
    aiLevel: null,
    rematchOf: game.id,
    dedupeKey: null,
  });
  // A thread (reply also sent to the conversation, a read position) and pins.
  await store.createMessage({
    conversationId: dm.id,
    authorId: ben.id,
    body: 'in a thread',
    threadRootId: first.id,
    alsoInConversation: true,
  });
  await store.markThreadRead({ rootId: first.id, conversationId: dm.id, userId: ana.id, seq: 3 });
  await store.pinMessage({ conversationId: dm.id, messageId: first.id, userId: ben.id });
  await store.setPinPolicy({ conversationId: group.id, policy: 'everyone' });
}

const TABLES = [
  'users',
  'conversations',
  'memberships',
  'messages',
  'reactions',
  'uploads',
  'games',
  'game_stats',
  'threads',
  'thread_memberships',
  'pins',
  'pin_settings',
];
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

describe('NDJSON export and import', () => {
  it('round-trips SQLite → NDJSON → a fresh SQLite store with every row equal', async () => {
    const sourceFile = path.join(dir, 'source.db');
    const source = createSqliteStore(sourceFile);
    await fill(source);
    const exported = await exportNdjson({ transfer: createSqliteTransfer(source.db), outDir: dir });
    expect(exported.counts).toEqual({
      users: 3,
      conversations: 2,
      memberships: 5,
      messages: 5,
      uploads: 2,
      games: 2,
      gameStats: 2,
      threads: 1,
      threadMemberships: 2,
      pins: 1,
      pinSettings: 1,
    });

    const targetFile = path.join(dir, 'target.db');
    const target = createSqliteStore(targetFile);
    const imported = await importNdjson({
      transfer: createSqliteTransfer(target.db),
      file: exported.file,
      batchSize: 2,
    });
    expect(imported).toEqual(exported.counts);
    await Promise.all([source.close(), target.close()]);

    const before = dump(sourceFile);
    const after = dump(targetFile);
    for (const table of TABLES) expect(after[table], table).toEqual(before[table]);
    expect(before.reactions).toHaveLength(2);
  });

  async function exportOfFilledStore() {
    const source = createSqliteStore(path.join(dir, 'source.db'));
    await fill(source);
    const { file } = await exportNdjson({ transfer: createSqliteTransfer(source.db), outDir: dir });
    await source.close();
    const target = createSqliteStore(path.join(dir, 'target.db'));
    return { file, target, transfer: createSqliteTransfer(target.db) };
  }

  it('refuses a file cut off before its last line, and imports nothing', async () => {
    const { file, target, transfer } = await exportOfFilledStore();
    await rm(`${file}.sha256`);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, `${lines.slice(0, -3).join('\n')}\n`);
    await expect(importNdjson({ transfer, file })).rejects.toThrow(/cut off/);
    expect(await transfer.count('users')).toBe(0);
    await target.close();
  });

  it('refuses a file that no longer matches its checksum', async () => {
    const { file, target, transfer } = await exportOfFilledStore();
    await writeFile(file, (await readFile(file, 'utf8')).replace('hi **Ben**', 'hi **Eve**'));
    await expect(importNdjson({ transfer, file })).rejects.toThrow(/does not match its checksum/);
    await target.close();
  });

  it('refuses a record that fails its schema, naming the line', async () => {
    const { file, target, transfer } = await exportOfFilledStore();
    await rm(`${file}.sha256`);
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('"emailVerified":true', '"emailVerified":"yes"'),
    );
    await expect(importNdjson({ transfer, file })).rejects.toThrow(
      /Line 2 is not a valid export line \(record\.emailVerified/,
    );
    await target.close();
  });

  it('refuses to import into a store that already holds people', async () => {
    const { file, target, transfer } = await exportOfFilledStore();
    await target.createUser({ email: 'zed@x.test', name: 'Zed', passwordHash: null });
    const error = await importNdjson({ transfer, file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(String(error)).toMatch(/already holds users/);
    await target.close();
  });
});

const mongoUri = process.env.MONGODB_URI;

describe.skipIf(!mongoUri)(
  'NDJSON into MongoDB (runs when MONGODB_URI is set: the mongo-contract CI job)',
  () => {
    it('moves SQLite → NDJSON → MongoDB → NDJSON → SQLite with every row equal (reaction times aside)', async () => {
      const { connect } = await import('@/lib/db/mongo/connection');
      const { createModels } = await import('@/lib/db/mongo/models');
      const { createMongoTransfer } = await import('@/lib/db/mongo/transfer');
      const uri = mongoUri!;
      const dbName = `parley-test-${Math.random().toString(36).slice(2, 10)}`;
      const conn = await connect({ uri, dbName });
      const models = createModels(conn);
      await Promise.all(Object.values(models).map((m) => m.init()));
      const mongo = createMongoTransfer(conn, models, { uri, dbName });
      try {
        const sourceFile = path.join(dir, 'source.db');
        const source = createSqliteStore(sourceFile);
        await fill(source);
        const first = await exportNdjson({
          transfer: createSqliteTransfer(source.db),
          outDir: path.join(dir, 'a'),
        });
        await source.close();
        await importNdjson({ transfer: mongo, file: first.file });
        const second = await exportNdjson({ transfer: mongo, outDir: path.join(dir, 'b') });
        expect(second.counts).toEqual(first.counts);
        const targetFile = path.join(dir, 'target.db');
        const target = createSqliteStore(targetFile);
        await importNdjson({ transfer: createSqliteTransfer(target.db), file: second.file });
        await target.close();
        const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
        const before = dump(sourceFile);
        const after = dump(targetFile);
        for (const table of TABLES.filter((t) => t !== 'reactions')) {
          expect(sort(after[table]!), table).toEqual(sort(before[table]!));
        }
        const withoutTime = (rows: unknown[]) =>
          sort(rows.map((r) => ({ ...(r as Record<string, unknown>), created_at: 0 })));
        expect(withoutTime(after.reactions!)).toEqual(withoutTime(before.reactions!));
      } finally {
        await conn.dropDatabase();
        await mongo.close();
      }
    });
  },
);
