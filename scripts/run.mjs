#!/usr/bin/env node
// `npm run dev` / `npm start`: Next.js and `partykit dev` side by side with prefixed logs.
// Ctrl+C (or SIGTERM) stops both; if either exits, the other is stopped too.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import { childEnv, resolveDataDir } from './data-dir.mjs';
import { exitOnUnsupportedNode } from './lib/node-version.mjs';

exitOnUnsupportedNode();

const prod = process.argv.includes('--prod');
const port = process.env.PORT || '3000';
const partyPort = process.env.PARTYKIT_PORT || '1999';
const dataDir = resolveDataDir();
const env = childEnv(dataDir, {
  PARTYKIT_HOST: process.env.PARTYKIT_HOST || `127.0.0.1:${partyPort}`,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
});

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const children = [];

function run(label, color, command, args) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[${color}m[${label}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(prefix + line + '\n'),
    );
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`${prefix}exited (${signal ?? code})\n`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const vars = ['PARTY_SECRET', 'ROOM_TOKEN_KEY'].flatMap((k) => ['--var', `${k}=${env[k]}`]);
run('party', '35', bin('partykit'), [
  'dev',
  '--port',
  partyPort,
  '--disable-request-cf-fetch',
  '--no-hotkeys',
  '--persist',
  `${dataDir}/partykit`,
  ...vars,
]);
run('next', '36', bin('next'), [prod ? 'start' : 'dev', '--port', port]);
console.log(
  `Parley ${prod ? '(production build)' : '(development)'}: http://localhost:${port} · PartyKit on 127.0.0.1:${partyPort} · data in ${dataDir}`,
);
