// Parley's side of the load: people (signed up through the API, or seeded straight into the
// store when there are thousands), their groups, and their inbox sockets.
import Database from 'better-sqlite3';
import jwt from 'next-auth/jwt';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

import { newId, pool } from './util.mjs';

/** Signs `count` people up through POST /auth/signup (argon2 hashing: about 30 ms of CPU each). */
export function signUpPeople(api, count, runId, prefix = 'p') {
  return pool(
    Array.from({ length: count }, (_, i) => i),
    6,
    async (i) => {
      const { user, cookie } = await api.signUpOrIn({
        email: `${prefix}${i}.${runId}@bench.parley.dev`,
        password: 'bench-password',
        name: `Bench Person ${i}`,
      });
      return { id: user.id, cookie, index: i };
    },
  );
}

/**
 * Writes `count` people and a session each straight into the SQLite store, and mints their
 * session cookies with the server's NEXTAUTH_SECRET, as sign-up does (lib/auth/server/sessions.ts
 * startSession + session.ts mintSessionCookie). For thousands of people: signing up costs an
 * argon2 hash each (minutes of CPU for 5,000), which is not what the connections scenario measures.
 * The people have no password, so nobody can sign in as them.
 */
export async function seedPeople(server, count, runId) {
  const { NEXTAUTH_SECRET: secret } = JSON.parse(
    readFileSync(path.join(server.dataDir, 'secrets.json'), 'utf8'),
  );
  const db = new Database(path.join(server.dataDir, 'parley.db'));
  db.pragma('busy_timeout = 5000');
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, name, name_lower, password_hash, email_verified, created_at)
     VALUES (?, ?, ?, ?, NULL, 1, ?)`,
  );
  const insertSession = db.prepare(
    'INSERT INTO sessions (id, user_id, user_agent, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
  );
  const now = Date.now();
  const people = db.transaction(() =>
    Array.from({ length: count }, (_, i) => {
      const person = {
        id: newId('u'),
        sid: newId('ses'),
        index: i,
        name: `Bench Person ${i}`,
        email: `c${i}.${runId}@bench.parley.dev`,
      };
      insertUser.run(person.id, person.email, person.name, person.name.toLowerCase(), now);
      insertSession.run(person.sid, person.id, 'parley-bench', now, now);
      return person;
    }),
  )();
  db.close();
  for (const person of people) {
    const value = await jwt.encode({
      token: { sub: person.id, name: person.name, email: person.email, sv: 0, sid: person.sid },
      secret,
      maxAge: 24 * 60 * 60,
    });
    person.cookie = `next-auth.session-token=${value}`;
  }
  return people;
}

/** `groupCount` groups of `size` consecutive people, created through POST /conversations. */
export function createGroups(api, people, groupCount, size) {
  return pool(
    Array.from({ length: groupCount }, (_, g) => g),
    4,
    async (g) => {
      const members = people.slice(g * size, g * size + size);
      const { body } = await api.post(
        '/conversations',
        { kind: 'group', name: `Bench group ${g}`, memberIds: members.slice(1).map((m) => m.id) },
        { as: members[0] },
      );
      return { id: body.conversation.id, members };
    },
  );
}

/**
 * Opens a person's inbox socket (party `main`, room = their id) as a browser tab does and waits
 * for `welcome`; with `presence`, then says the tab is in use (`presence.set active`), which
 * starts the presence exchange with their contacts. `onMessage(clientId, at)` gets each
 * message.created. Sets `person.socketClosed` when the socket closes.
 */
export async function openInbox(api, person, onMessage, { presence = false } = {}) {
  // One id for all of this "tab"'s sockets, as the browser's (lib/realtime/client/tab-id.ts).
  person.pk ??= randomUUID();
  return openRoomSocket(api, person, { room: 'inbox' }, onMessage, { presence });
}

/**
 * Opens the person's socket to a conversation's room with the same `_pk` as their inbox socket
 * (a tab looking at the conversation): once the room has heard that this is their only tab, it
 * sends the conversation's events here instead of through their inbox (lib/rooms/away.ts).
 */
export function openConversation(api, person, conversationId, onMessage) {
  return openRoomSocket(api, person, { room: 'conversation', conversationId }, onMessage);
}

async function openRoomSocket(api, person, request, onMessage, { presence = false } = {}) {
  const { body } = await api.post('/realtime/token', request, { as: person });
  const url =
    `ws://${body.host}/parties/${body.party}/${encodeURIComponent(body.roomId)}` +
    `?_pk=${person.pk ?? randomUUID()}&token=${encodeURIComponent(body.token)}`;
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${request.room} socket of ${person.id}: no welcome in 15 s`)),
      15_000,
    );
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`${request.room} socket of ${person.id}: HTTP ${res.statusCode}`));
    });
    ws.on('message', (data) => {
      const at = performance.now();
      let frame;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        clearTimeout(timer);
        if (presence) ws.send(JSON.stringify({ type: 'presence.set', state: 'active' }));
        resolve();
      } else if (frame.type === 'event' && frame.event?.type === 'message.created')
        onMessage(frame.event.message?.clientId, at);
    });
  });
  ws.on('error', () => {}); // counted as missing deliveries if it happens
  person.socketClosed = false;
  ws.on('close', () => {
    person.socketClosed = true;
  });
  return ws;
}

/** POSTs one message as `author`; resolves to the status (or "error: <code>"), never rejects. */
export function parleyPost(baseUrl) {
  return (group, author, { body, clientId }) =>
    fetch(`${baseUrl}/api/v1/conversations/${group.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: author.cookie },
      body: JSON.stringify({ body, clientId }),
    }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status;
      },
      (err) => `error: ${err.cause?.code ?? err.message}`,
    );
}
