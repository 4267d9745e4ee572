import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TEST_PARTY_SECRET = 'test-party-secret-'.padEnd(40, 'x');
export const TEST_ROOM_TOKEN_KEY = 'test-room-token-key-'.padEnd(40, 'y');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a real `partykit dev` (workerd) for room tests, and waits until it answers. */
export async function startPartykit(): Promise<{ host: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const persist = mkdtempSync(path.join(tmpdir(), 'parley-pk-'));
  const child = spawn(
    path.resolve('node_modules/.bin/partykit'),
    [
      'dev',
      '--port',
      String(port),
      '--disable-request-cf-fetch',
      '--no-hotkeys',
      '--persist',
      persist,
      '--var',
      `PARTY_SECRET=${TEST_PARTY_SECRET}`,
      '--var',
      `ROOM_TOKEN_KEY=${TEST_ROOM_TOKEN_KEY}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    try {
      const res = await fetch(`http://${host}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`partykit dev did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    host,
    stop: async () => {
      if (child.pid && child.exitCode === null) {
        // partykit spawns workerd; kill the whole group.
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      rmSync(persist, { recursive: true, force: true });
    },
  };
}
