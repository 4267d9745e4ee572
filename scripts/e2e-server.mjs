#!/usr/bin/env node
// Playwright's webServer: builds the app into .next-e2e and runs it with PartyKit on a fresh,
// throw-away data directory (removed on exit). Ports are separate from `npm run dev`'s.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = process.env.E2E_PORT || '3100';
const partyPort = process.env.E2E_PARTYKIT_PORT || '2999';
// E2E_DATA_DIR (set by playwright.config.ts) lets specs read what the server writes there (the
// email outbox); it is emptied first. Without it, a fresh temporary directory.
const dataDir = process.env.E2E_DATA_DIR
  ? (rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true }),
    mkdirSync(process.env.E2E_DATA_DIR, { recursive: true }),
    process.env.E2E_DATA_DIR)
  : mkdtempSync(path.join(tmpdir(), 'parley-e2e-'));
const env = {
  ...process.env,
  NEXT_DIST_DIR: '.next-e2e',
  // The container image's output (Dockerfile): the same build serves `next start` here and gives
  // e2e/standalone.spec.ts a .next-e2e/standalone/server.js to start, without a second build.
  // (`next start` logs a warning about it; it serves the same .next-e2e files either way.)
  NEXT_OUTPUT: 'standalone',
  NEXT_TELEMETRY_DISABLED: '1',
  PARLEY_DATA_DIR: dataDir,
  PORT: port,
  PARTYKIT_PORT: partyPort,
  PARTYKIT_HOST: `127.0.0.1:${partyPort}`,
  NEXTAUTH_URL: `http://localhost:${port}`,
};
delete env.SQLITE_PATH;

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync('node_modules/.bin/next', ['build'], { env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const app = spawn('node', ['scripts/run.mjs', '--prod'], { env, stdio: 'inherit' });
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
app.on('exit', (code) => {
  cleanup();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
