// Starts relay-server.mjs as its own process and connects one Socket.io client per person, each
// in their groups' rooms: the same people, groups and load as Parley's run, another server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';

import { pool } from './util.mjs';

const SERVER = new URL('./relay-server.mjs', import.meta.url).pathname;

/**
 * @param {{ groups: number, groupSize: number }} shape
 * @returns a target: { groups, post, connect(delivered), stop() }
 */
export async function startRelay({ groups: groupCount, groupSize }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-relay-'));
  const child = spawn(process.execPath, [SERVER, path.join(dir, 'relay.db')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the relay exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /relay listening on (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const groups = Array.from({ length: groupCount }, (_, g) => ({
    id: `c${g}`,
    members: Array.from({ length: groupSize }, (_, m) => ({ id: `u${g * groupSize + m}` })),
  }));
  const sockets = [];

  return {
    groups,
    // Node's fetch, as for Parley (keep-alive on both): the same client cost on both sides.
    post: (group, author, { body, clientId }) =>
      fetch(`${baseUrl}/conversations/${group.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ authorId: author.id, body, clientId }),
      }).then(
        async (res) => {
          await res.arrayBuffer();
          return res.status;
        },
        (err) => `error: ${err.cause?.code ?? err.message}`,
      ),
    /** One socket per person, in their group's room; resolves when all are connected. */
    async connect(delivered) {
      const members = groups.flatMap((group) => group.members.map((m) => ({ m, group })));
      await pool(members, 20, ({ m, group }) => {
        const socket = io(baseUrl, {
          transports: ['websocket'],
          auth: { conversations: [group.id] },
          reconnection: false,
        });
        sockets.push(socket);
        socket.on('message.created', (message) =>
          delivered(m.id, message.client_id, performance.now()),
        );
        return new Promise((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
      });
    },
    async stop() {
      for (const socket of sockets) socket.close();
      child.kill('SIGTERM');
      await new Promise((resolve) =>
        child.exitCode !== null ? resolve() : child.once('exit', resolve),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
