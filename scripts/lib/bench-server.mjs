// Starts Parley for a benchmark: a production build in its own dist dir, Next.js (`next start`)
// and `partykit dev` on free ports with a throw-away data directory and the generated development
// secrets, the ingredients scripts/run.mjs and scripts/e2e-server.mjs use. One difference:
// `partykit dev` always watches its sources and restarts every room (dropping every socket) when
// one changes, so here it runs from a snapshot of party/ and lib/ copied into the data directory:
// edits made in the work tree while a benchmark runs cannot restart it. Plain ESM.
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { childEnv } from '../data-dir.mjs';
import { waitForHealth } from './api.mjs';

const repo = path.resolve(new URL('../..', import.meta.url).pathname);
const bin = (name) => path.join(repo, 'node_modules/.bin', name);

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs `next build` into `distDir`, its output going to `logFile`. Resolves with seconds taken. */
export function build({ distDir, logFile, env = process.env }) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn(bin('next'), ['build'], {
      cwd: repo,
      env: { ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('exit', (code) => {
      log.end();
      if (code === 0) resolve((performance.now() - started) / 1000);
      else {
        const tail = existsSync(logFile)
          ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')
          : '';
        reject(new Error(`next build failed (exit ${code}); see ${logFile}\n${tail}`));
      }
    });
  });
}

/** Copies what `partykit dev` bundles (partykit.json, party/, lib/) to `dir`, with node_modules linked. */
function snapshotPartySources(dir) {
  for (const entry of ['partykit.json', 'package.json', 'tsconfig.json', 'party', 'lib']) {
    cpSync(path.join(repo, entry), path.join(dir, entry), {
      recursive: true,
      filter: (src) => !/\.test\.tsx?$/.test(src),
    });
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/**
 * Starts the app (already built into `distDir`) and waits until /api/health answers 200, which
 * means the store opened and PartyKit answered. `extraEnv` is added to both processes' environment,
 * `nextEnv` to next-server's only (e.g. NODE_OPTIONS=--inspect for a CPU profile). `dev` runs
 * `next dev` instead of `next start` (nothing needs to be built first).
 */
export async function startServer({ distDir, logFile, extraEnv = {}, nextEnv = {}, dev = false }) {
  const [port, partyPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));
  const partySources = path.join(dataDir, 'party-src');
  snapshotPartySources(partySources);
  const env = childEnv(dataDir, {
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    PARTYKIT_PORT: String(partyPort),
    PARTYKIT_HOST: `127.0.0.1:${partyPort}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    ...extraEnv,
  });
  delete env.SQLITE_PATH;
  delete env.MONGODB_URI;

  const log = createWriteStream(logFile);
  let output = '';
  const children = [];
  let exited = 0;
  const exits = [];
  const counters = { partyBuilds: 0 };
  const run = (label, command, args, cwd, ownEnv = {}) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...env, ...ownEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        const text = `[${label}] ${line}\n`;
        log.write(text);
        output += text;
        if (output.length > 4_000_000) output = output.slice(-2_000_000);
        if (label === 'party' && line.includes('Build succeeded')) counters.partyBuilds++;
      });
    }
    exits.push(
      new Promise((resolve) =>
        child.on('exit', (code, signal) => {
          exited++;
          log.write(`[${label}] exited (${signal ?? code})\n`);
          resolve();
        }),
      ),
    );
    children.push(child);
  };
  const vars = ['PARTY_SECRET', 'ROOM_TOKEN_KEY', 'LOG_LEVEL']
    .filter((k) => env[k])
    .flatMap((k) => ['--var', `${k}=${env[k]}`]);
  // As `npm start` runs it (scripts/run.mjs): with the Miniflare of scripts/lib/miniflare-host.mjs.
  run(
    'party',
    process.execPath,
    [
      '--import',
      path.join(repo, 'scripts/lib/partykit-host.mjs'),
      path.join(repo, 'node_modules/partykit/dist/bin.mjs'),
      'dev',
      '--port',
      String(partyPort),
      '--disable-request-cf-fetch',
      '--no-hotkeys',
      '--persist',
      path.join(dataDir, 'partykit'),
      ...vars,
    ],
    partySources,
  );
  // `dev`: `next dev` as `npm run dev` runs it (compiles on request, into `distDir`).
  run('next', bin('next'), [dev ? 'dev' : 'start', '--port', String(port)], repo, nextEnv);

  const baseUrl = `http://127.0.0.1:${port}`;
  const server = {
    baseUrl,
    port,
    partyPort,
    dataDir,
    /** Everything the server printed so far. */
    output: () => output,
    /** How often `partykit dev` built and (re)started its rooms: 1 unless something restarted it. */
    partyBuilds: () => counters.partyBuilds,
    async stop({ keepData = false } = {}) {
      for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 5000))]);
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      log.end();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(baseUrl, { timeoutMs: 180_000, isAlive: () => exited === 0 });
  } catch (err) {
    await server.stop();
    throw new Error(`${err.message}\n--- server output (tail) ---\n${output.slice(-4000)}`);
  }
  return server;
}

// ── CPU accounting (Linux /proc): which process spent the time ───────────────────────────────

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After ")": state(3) ppid(4) ... utime(14) stime(15), numbered from 1 with pid and comm.
    return {
      pid,
      comm,
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return null;
  }
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** A readable name for a process of the server tree. */
function label(stat) {
  const cmd = cmdline(stat.pid);
  if (/next-server|next start|next\/dist\/bin\/next/.test(cmd) || stat.comm === 'next-server')
    return 'next';
  if (/workerd/.test(cmd) || stat.comm === 'workerd') return 'workerd (partykit rooms)';
  if (/partykit/.test(cmd)) return 'partykit dev (node)';
  if (/relay-server\.mjs/.test(cmd)) return 'socket.io relay (node)';
  return stat.comm;
}

/** CPU ticks of every process under `rootPid` (not itself), by pid. Empty off Linux. */
export function sampleCpu(rootPid) {
  if (!existsSync('/proc')) return new Map();
  const stats = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.push(stat);
  }
  const byParent = new Map();
  for (const s of stats) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s]);
  const out = new Map();
  const walk = (pid) => {
    for (const child of byParent.get(pid) ?? []) {
      out.set(child.pid, { ...child, label: label(child) });
      walk(child.pid);
    }
  };
  walk(rootPid);
  return out;
}

/** CPU ticks all processes of the machine spent so far (user, nice, system, irq, softirq, steal). */
export function machineBusyTicks() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return user + nice + system + irq + softirq + (steal || 0);
  } catch {
    return null;
  }
}

/** CPU use between two samples, per process label, as % of one core over `seconds`. */
export function cpuBetween(before, after, seconds) {
  const byLabel = {};
  for (const [pid, end] of after) {
    const start = before.get(pid)?.ticks ?? 0;
    const cpuSeconds = (end.ticks - start) / TICKS_PER_SECOND;
    byLabel[end.label] = (byLabel[end.label] ?? 0) + cpuSeconds;
  }
  return Object.fromEntries(
    Object.entries(byLabel)
      .filter(([, s]) => s > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, s]) => [name, Math.round((s / seconds) * 1000) / 10]),
  );
}
