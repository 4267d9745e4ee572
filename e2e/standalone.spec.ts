import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { z } from 'zod';

import { E2E_DATA_DIR, E2E_PORT } from './fixtures/server';

/**
 * The container image runs `node server.js` from Next.js's standalone output (Dockerfile,
 * runner stage). scripts/e2e-server.mjs builds with NEXT_OUTPUT=standalone, so this spec starts
 * that server from the e2e build, laid out as the Dockerfile lays it out (static files and
 * public/ copied beside it), with nothing but a port, a data directory, the realtime host and
 * the three secrets a container gets from its environment (compose.yml, the k8s Secret): every
 * other setting is an embedded default. It shares the e2e server's data directory and takes the
 * secrets `npm start` generated there, so it reaches the same PartyKit with the same keys.
 */
const distDir = '.next-e2e';
const standalone = path.resolve(distDir, 'standalone');
const port = E2E_PORT + 10;
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
let output = '';

test.beforeAll(async () => {
  expect(
    existsSync(path.join(standalone, 'server.js')),
    `${standalone}/server.js (the e2e build sets NEXT_OUTPUT=standalone)`,
  ).toBe(true);
  // What the Dockerfile's runner stage copies next to server.js.
  cpSync(path.resolve(distDir, 'static'), path.join(standalone, distDir, 'static'), {
    recursive: true,
  });
  cpSync(path.resolve('public'), path.join(standalone, 'public'), { recursive: true });
  cpSync(path.resolve('scripts/peer-address.mjs'), path.join(standalone, 'peer-address.mjs'));
  // The image's own start command (its last CMD), as the container runs it.
  const cmd = [...readFileSync('Dockerfile', 'utf8').matchAll(/^CMD (\[.*\])$/gm)].at(-1)![1]!;
  const [node, ...args] = z.array(z.string()).parse(JSON.parse(cmd));
  expect(node).toBe('node');

  const secrets = z
    .object({ NEXTAUTH_SECRET: z.string(), PARTY_SECRET: z.string(), ROOM_TOKEN_KEY: z.string() })
    .parse(JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'secrets.json'), 'utf8')));
  const child = spawn(process.execPath, args, {
    cwd: standalone,
    env: {
      NODE_ENV: 'production',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      PARLEY_DATA_DIR: E2E_DATA_DIR,
      PARTYKIT_HOST: `127.0.0.1:${Number(process.env.E2E_PARTYKIT_PORT || 2999)}`,
      NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
      PARTY_SECRET: secrets.PARTY_SECRET,
      ROOM_TOKEN_KEY: secrets.ROOM_TOKEN_KEY,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    expect(child.exitCode, `server.js exited:\n${output}`).toBeNull();
    expect(output, 'server.js could not start').not.toContain('Failed to prepare server');
    const live = await fetch(`${origin}/api/health/live`).catch(() => null);
    if (live?.ok) break;
    expect(Date.now(), `server.js did not answer in 60 s:\n${output}`).toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

test('node server.js from the standalone output is ready with the embedded defaults', async ({
  request,
}) => {
  const ready = await request.get(`${origin}/api/health/ready`);
  expect(ready.status(), output).toBe(200);
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: { store: 'up', realtime: 'up' },
  });
});

test('the standalone server serves pages, their static files and public/', async ({ request }) => {
  const page = await request.get(`${origin}/sign-in`);
  expect(page.status()).toBe(200);
  const html = await page.text();
  const assets = [...html.matchAll(/\/_next\/static\/[^"'\s)]+\.(?:js|css)/g)].map((m) => m[0]);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of new Set(assets.slice(0, 5))) {
    const res = await request.get(`${origin}${asset}`);
    expect(res.status(), asset).toBe(200);
  }
  const sw = await request.get(`${origin}/sw.js`);
  expect(sw.status()).toBe(200);
  expect(sw.headers()['content-type']).toMatch(/javascript/);
});

test('its traced dependencies include the native ones: sign-up hashes with argon2 into SQLite', async ({
  request,
}) => {
  const email = `standalone-${Date.now()}@example.com`;
  const signUp = await request.post(`${origin}/api/v1/auth/signup`, {
    data: { email, password: 'standalone-password-1', name: 'Stan Dalone' },
  });
  expect(signUp.status(), await signUp.text()).toBe(201);
  const me = await request.get(`${origin}/api/v1/me`);
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { user: { name: string } }).user.name).toBe('Stan Dalone');
});
