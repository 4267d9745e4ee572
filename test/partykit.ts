import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';

import { serverFrameSchema, type ServerFrame } from '@/lib/realtime/protocol';

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
export async function startPartykit(
  vars: Record<string, string> = {},
): Promise<{ host: string; stop: () => Promise<void> }> {
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
      ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}=${value}`]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  // PARTYKIT_TEST_LOG=1 shows the rooms' console output (workerd) while the tests run.
  const echo = process.env.PARTYKIT_TEST_LOG === '1';
  const collect = (d: Buffer) => {
    output += d.toString();
    if (echo) process.stderr.write(d);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
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

export type RoomSocket = {
  ws: WebSocket;
  /** The next frame not yet taken (rejects after 5 s). */
  next: () => Promise<ServerFrame>;
  /** Skips frames until one matches (rejects after `timeoutMs`, 5 s by default). */
  waitFor: <T extends ServerFrame>(
    match: (frame: ServerFrame) => frame is T,
    timeoutMs?: number,
  ) => Promise<T>;
  /** Frames received and not yet taken, after waiting `ms` for stragglers. */
  drain: (ms?: number) => Promise<ServerFrame[]>;
  /** Closes the socket and resolves once the close handshake finished. */
  close: () => Promise<void>;
  /** Resolves with the close code and reason once the socket closed (from either side). */
  closed: Promise<{ code: number; reason: string }>;
};

/**
 * Opens a room socket and collects its frames (parsed with the protocol's schema). Resolves once
 * open; rejects with `refused <status>` when the room refused the upgrade.
 */
export function connectRoom(url: string): Promise<RoomSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: ServerFrame[] = [];
    let wake: (() => void) | null = null;
    const closed = new Promise<{ code: number; reason: string }>((res) => {
      ws.once('close', (code: number, reason: Buffer) => res({ code, reason: reason.toString() }));
    });
    ws.on('message', (data: Buffer) => {
      frames.push(serverFrameSchema.parse(JSON.parse(data.toString())));
      wake?.();
    });
    const take = async <T extends ServerFrame>(
      match: (frame: ServerFrame) => frame is T,
      timeoutMs: number,
    ): Promise<T> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = frames.findIndex(match);
        const frame = frames[index];
        if (frame && match(frame)) {
          frames.splice(index, 1);
          return frame;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching frame within ${timeoutMs} ms`);
        await new Promise<void>((res) => {
          const timer = setTimeout(res, left);
          wake = () => {
            clearTimeout(timer);
            wake = null;
            res();
          };
        });
      }
    };
    const any = (_frame: ServerFrame): _frame is ServerFrame => true;
    const socket: RoomSocket = {
      ws,
      closed,
      next: async () => {
        const frame = await take(any, 5000).catch(() => {
          throw new Error('no frame within 5 s');
        });
        return frame;
      },
      waitFor: (match, timeoutMs = 5000) => take(match, timeoutMs),
      drain: async (ms = 300) => {
        await new Promise((r) => setTimeout(r, ms));
        return frames.splice(0);
      },
      close: () =>
        new Promise<void>((res) => {
          if (ws.readyState === WebSocket.CLOSED) return res();
          ws.once('close', () => res());
          ws.close();
        }),
    };
    ws.on('open', () => resolve(socket));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

/**
 * One `partykit dev` for the calling test file: started before its tests, stopped after them.
 * `host` is read inside tests (it exists once the server started).
 */
export function partykitPerFile(vars: Record<string, string> = {}): { readonly host: string } {
  let party: Awaited<ReturnType<typeof startPartykit>> | undefined;
  beforeAll(async () => {
    party = await startPartykit(vars);
  });
  afterAll(async () => {
    await party?.stop();
  });
  return {
    get host() {
      if (!party) throw new Error('partykit dev has not started');
      return party.host;
    },
  };
}
