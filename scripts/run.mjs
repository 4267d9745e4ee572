#!/usr/bin/env node
// `npm run dev` / `npm start`: Next.js and `partykit dev` side by side with prefixed logs, each
// supervised (scripts/lib/supervise.mjs): restarted with backoff when it exits or stops answering
// its health probe, with the state in <data dir>/supervisor.json for /api/health to report.
// Ctrl+C (or SIGTERM) stops both. `--realtime-only` runs just the rooms (tests, or a Next.js
// started elsewhere).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { childEnv, resolveDataDir } from './data-dir.mjs';
import { exitOnUnsupportedNode } from './lib/node-version.mjs';
import { httpProbe, supervise, writeJsonFile } from './lib/supervise.mjs';

exitOnUnsupportedNode();

// Everything the children create in the data directory (the database, uploads, the outbox) is
// private to the account running Parley.
process.umask(0o077);

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const prod = process.argv.includes('--prod');
const realtimeOnly = process.argv.includes('--realtime-only');
const port = process.env.PORT || '3000';
const partyPort = process.env.PARTYKIT_PORT || '1999';
// Loopback unless HOST says otherwise (HOST=0.0.0.0 to reach the dev server from a phone).
const host = process.env.HOST || '127.0.0.1';
const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const dataDir = resolveDataDir();
const env = childEnv(dataDir, {
  PARTYKIT_HOST: process.env.PARTYKIT_HOST || `127.0.0.1:${partyPort}`,
  PARTYKIT_LISTEN_HOST: host,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
});
const timing = {
  probeEveryMs: Number(process.env.SUPERVISOR_PROBE_MS || 5000),
  failuresToRestart: Number(process.env.SUPERVISOR_FAILURES || 3),
  backoffMs: { initial: Number(process.env.SUPERVISOR_BACKOFF_MS || 1000), max: 30_000 },
};

/**
 * The room secrets reach `partykit dev` in a config file only its owner can read, never as
 * `--var` arguments (anyone on the machine can read a command line in `ps`). The file is the
 * project's partykit.json with paths made relative to where it lives, plus the vars.
 */
function writePartykitConfig() {
  const project = JSON.parse(readFileSync(path.join(root, 'partykit.json'), 'utf8'));
  const fromDataDir = (file) => path.relative(dataDir, path.join(root, file));
  const config = {
    ...project,
    main: fromDataDir(project.main),
    parties: Object.fromEntries(
      Object.entries(project.parties ?? {}).map(([name, file]) => [name, fromDataDir(file)]),
    ),
    vars: {
      PARTY_SECRET: env.PARTY_SECRET,
      ROOM_TOKEN_KEY: env.ROOM_TOKEN_KEY,
      // Room errors go to the same Sentry project and release as the server's (party/sentry.ts);
      // LOG_LEVEL=warn leaves out the rooms' info lines as it does the server's.
      ...Object.fromEntries(
        ['SENTRY_DSN', 'SENTRY_RELEASE', 'SENTRY_ENVIRONMENT', 'LOG_LEVEL']
          .filter((name) => env[name])
          .map((name) => [name, env[name]]),
      ),
    },
  };
  const file = path.join(dataDir, 'partykit.json');
  writeJsonFile(file, config);
  return file;
}

function spawnLogged(label, color, command, args, extraEnv = {}) {
  // In the runner's own process group: stopping the runner's group stops everything.
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `\x1b[${color}m[${label}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(prefix + line + '\n'),
    );
  child.on('exit', (code, signal) => process.stdout.write(`${prefix}exited (${signal ?? code})\n`));
  return child;
}

const supervisors = {};
const stateFile = path.join(dataDir, 'supervisor.json');
function saveState() {
  const processes = Object.fromEntries(
    Object.entries(supervisors).map(([name, s]) => [name, { ...s.state }]),
  );
  try {
    writeJsonFile(stateFile, { pid: process.pid, updatedAt: new Date().toISOString(), processes });
  } catch (error) {
    console.error(`[run] could not write ${stateFile}: ${error.message}`);
  }
}
const logFor = (name) => (line) => process.stdout.write(`[run] ${name} ${line}\n`);

const partyConfig = writePartykitConfig();
supervisors.realtime = supervise({
  name: 'realtime',
  ...timing,
  start: () =>
    spawnLogged('party', '35', process.execPath, [
      '--import',
      path.join(root, 'scripts/lib/partykit-host.mjs'),
      path.join(root, 'node_modules/partykit/dist/bin.mjs'),
      'dev',
      '--config',
      partyConfig,
      '--port',
      partyPort,
      '--disable-request-cf-fetch',
      '--no-hotkeys',
      '--persist',
      `${dataDir}/partykit`,
    ]),
  probe: httpProbe(`http://${probeHost}:${partyPort}/health`, { okOnly: true }),
  log: logFor('realtime'),
  onChange: saveState,
});

const peerAddress = path.join(root, 'scripts/peer-address.mjs');

if (!realtimeOnly) {
  supervisors.next = supervise({
    name: 'next',
    ...timing,
    // `next dev` compiles on request and may be slow to answer after an edit: more patience.
    failuresToRestart: prod ? timing.failuresToRestart : timing.failuresToRestart * 3,
    start: () =>
      // Through this Node (like the rooms), so preloads (`--import`) can go before the script.
      spawnLogged(
        'next',
        '36',
        process.execPath,
        [
          path.join(root, 'node_modules/next/dist/bin/next'),
          prod ? 'start' : 'dev',
          '--port',
          port,
          '--hostname',
          host,
        ],
        // The preload hands route handlers the socket's address (lib/api/client-address.ts). In
        // NODE_OPTIONS, so the server processes `next` starts get it too.
        {
          NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import ${JSON.stringify(peerAddress)}`.trim(),
        },
      ),
    // Any answer means the server is serving (/api/health is 503 while the rooms restart).
    probe: httpProbe(`http://${probeHost}:${port}/api/health`, { timeoutMs: 10_000 }),
    log: logFor('next'),
    onChange: saveState,
  });
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const s of Object.values(supervisors)) s.stop();
  setTimeout(() => process.exit(code), 1800).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
// Keeps the runner alive while the supervisors' timers (unref'd) run.
setInterval(() => {}, 1 << 30);

console.log(
  realtimeOnly
    ? `Parley realtime only: PartyKit on ${host}:${partyPort} · data in ${dataDir}`
    : `Parley ${prod ? '(production build)' : '(development)'}: http://localhost:${port} (listening on ${host}) · PartyKit on ${host}:${partyPort} · data in ${dataDir}`,
);
