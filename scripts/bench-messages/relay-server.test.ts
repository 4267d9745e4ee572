import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The yardstick has to be a fair one: the relay the benchmark compares Parley with stores every
 * message durably with the next per-conversation seq before emitting it, answers a retried
 * clientId with the stored message, and emits only to the conversation's room.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'parley-relay-test-'));
const dbFile = path.join(dir, 'relay.db');
let relay: ChildProcess;
let baseUrl = '';
const sockets: Socket[] = [];

type Stored = { conversation_id: string; seq: number; client_id: string; body: string };

beforeAll(async () => {
  relay = spawn(process.execPath, [path.join(import.meta.dirname, 'relay-server.mjs'), dbFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => {
    createInterface({ input: relay.stdout! }).on('line', (line) => {
      const match = /relay listening on (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  for (const socket of sockets) socket.close();
  relay?.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function join(conversations: string[]) {
  const socket = io(baseUrl, { transports: ['websocket'], auth: { conversations } });
  sockets.push(socket);
  const received: Stored[] = [];
  socket.on('message.created', (m: Stored) => received.push(m));
  await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
  return received;
}

const post = (conversation: string, input: unknown) =>
  fetch(`${baseUrl}/conversations/${conversation}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });

describe('the Socket.io relay', () => {
  it('stores with the next seq per conversation, then emits to that room only', async () => {
    const inC1 = await join(['c1']);
    const inC2 = await join(['c2']);
    const first = await post('c1', { authorId: 'u1', clientId: 'a', body: 'hello' });
    const second = await post('c1', { authorId: 'u2', clientId: 'b', body: 'hi' });
    const other = await post('c2', { authorId: 'u1', clientId: 'c', body: 'elsewhere' });
    expect([first.status, second.status, other.status]).toEqual([201, 201, 201]);
    expect(((await second.json()) as Stored).seq).toBe(2);
    expect(((await other.json()) as Stored).seq).toBe(1);
    await expect.poll(() => inC1.map((m) => m.seq)).toEqual([1, 2]);
    await expect.poll(() => inC2.map((m) => m.client_id)).toEqual(['c']);
    expect(inC1.map((m) => m.client_id)).toEqual(['a', 'b']);

    // Durable: in the SQLite file, read by another connection.
    const db = new Database(dbFile, { readonly: true });
    const rows = db.prepare('SELECT seq, body FROM messages WHERE conversation_id = ?').all('c1');
    db.close();
    expect(rows).toEqual([
      { seq: 1, body: 'hello' },
      { seq: 2, body: 'hi' },
    ]);
  });

  it('answers a retried clientId with the stored message, not a new seq', async () => {
    const once = (await (
      await post('c3', { authorId: 'u1', clientId: 'x', body: 'one' })
    ).json()) as Stored;
    const again = await post('c3', { authorId: 'u1', clientId: 'x', body: 'one' });
    expect(again.status).toBe(201);
    expect(((await again.json()) as Stored).seq).toBe(once.seq);
    const next = (await (
      await post('c3', { authorId: 'u1', clientId: 'y', body: 'two' })
    ).json()) as Stored;
    expect(next.seq).toBe(once.seq + 1);
  });

  it('refuses a malformed body (400) and any other path (404)', async () => {
    expect((await post('c1', { authorId: 'u1', body: 'no clientId' })).status).toBe(400);
    const garbage = await fetch(`${baseUrl}/conversations/c1/messages`, {
      method: 'POST',
      body: '{not json',
    });
    expect(garbage.status).toBe(400);
    expect((await fetch(`${baseUrl}/conversations/c1/messages`)).status).toBe(404);
  });
});
