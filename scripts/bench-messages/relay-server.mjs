// The minimal relay of issue #18, the yardstick Parley is measured against: one Node process,
// `POST /conversations/:id/messages {authorId, body, clientId}` → a durable SQLite insert with the
// next per-conversation seq (WAL, synchronous=NORMAL, as Parley's store; the same clientId twice
// answers the stored message) → a Socket.io emit to the conversation's room → 201. Clients join
// the rooms of the conversations they name when connecting. No sessions, no membership checks,
// no rate limits, no notifications: what a chat server cannot do without, and nothing more.
// Usage: node relay-server.mjs <sqlite file>; prints "relay listening on <port>".
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const db = new Database(process.argv[2] ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS messages (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL,
    author_id TEXT NOT NULL, client_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq), UNIQUE (conversation_id, author_id, client_id))`);
const existing = db.prepare(
  'SELECT * FROM messages WHERE conversation_id = ? AND author_id = ? AND client_id = ?',
);
const nextSeq = db.prepare(`INSERT INTO conversations (id, last_seq) VALUES (?, 1)
  ON CONFLICT (id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`);
const insert = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?) RETURNING *');
const store = db.transaction(
  (c, author, clientId, body) =>
    existing.get(c, author, clientId) ??
    insert.get(c, nextSeq.get(c).last_seq, author, clientId, body, Date.now()),
);

const http = createServer((req, res) => {
  const match = /^\/conversations\/([\w-]+)\/messages$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !match) return res.writeHead(404).end();
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    let input;
    try {
      input = JSON.parse(raw);
    } catch {
      input = null;
    }
    const { authorId, body, clientId } = input ?? {};
    if (![authorId, body, clientId].every((v) => typeof v === 'string' && v.length > 0))
      return res.writeHead(400).end();
    const message = store(match[1], authorId, clientId, body);
    io.to(match[1]).emit('message.created', message);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(message));
  });
});
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  const rooms = socket.handshake.auth?.conversations;
  if (Array.isArray(rooms)) void socket.join(rooms.filter((r) => typeof r === 'string'));
});
http.listen(0, '127.0.0.1', () => console.log(`relay listening on ${http.address().port}`));
