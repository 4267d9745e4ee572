// Starts Parley for a benchmark: a production build in its own dist dir, `scripts/run.mjs --prod`
// (Next.js + `partykit dev`) on free ports with a throw-away data directory, the way
// scripts/e2e-server.mjs does for Playwright. Plain ESM: nothing here imports TypeScript.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { waitForHealth } from './api.mjs';

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
    const child = spawn('node_modules/.bin/next', ['build'], {
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

/**
 * Starts the app (already built into `distDir`) and waits until /api/health answers 200, which
 * means the store opened and PartyKit answered. `extraEnv` is added to the server's environment.
 */
export async function startServer({ distDir, logFile, extraEnv = {} }) {
  const [port, partyPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));
  const env = {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    PARLEY_DATA_DIR: dataDir,
    PORT: String(port),
    PARTYKIT_PORT: String(partyPort),
    PARTYKIT_HOST: `127.0.0.1:${partyPort}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    ...extraEnv,
  };
  delete env.SQLITE_PATH;
  delete env.MONGODB_URI;

  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['scripts/run.mjs', '--prod'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > 4_000_000) output = output.slice(-2_000_000);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', keep);
    stream.pipe(log, { end: false });
  }
  let exited = false;
  const exit = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = true;
      log.end();
      resolve(signal ?? code);
    });
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const server = {
    baseUrl,
    port,
    partyPort,
    dataDir,
    pid: child.pid,
    /** Everything the server printed so far. */
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (!exited) {
        child.kill('SIGTERM');
        await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
        if (!exited) child.kill('SIGKILL');
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(baseUrl, { timeoutMs: 180_000, isAlive: () => !exited });
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
  if (/scripts\/run\.mjs/.test(cmd)) return 'run.mjs';
  return stat.comm;
}

/** CPU ticks of `rootPid` and every process under it, by pid. Empty off Linux. */
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
  const root = stats.find((s) => s.pid === rootPid);
  if (root) out.set(root.pid, { ...root, label: label(root) });
  walk(rootPid);
  return out;
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
