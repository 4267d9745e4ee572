// Keeps one child process tree alive for scripts/run.mjs: restarts it when it exits, and when it
// stops answering its health probe (a `kill -9` of workerd leaves `partykit dev` running without
// it, so "the process is alive" is not enough). Restarts back off exponentially; the state of
// every supervised process is written to a JSON file that /api/health reports.
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';

/**
 * @typedef {{
 *   name: string,
 *   start: () => import('node:child_process').ChildProcess,
 *   probe: () => Promise<boolean>,
 *   log: (line: string) => void,
 *   onChange: () => void,
 *   probeEveryMs?: number,
 *   failuresToRestart?: number,
 *   startupGraceMs?: number,
 *   backoffMs?: { initial: number, max: number },
 * }} SuperviseOptions
 */

/** @param {SuperviseOptions} opts */
export function supervise(opts) {
  const probeEveryMs = opts.probeEveryMs ?? 5000;
  const failuresToRestart = opts.failuresToRestart ?? 3;
  const startupGraceMs = opts.startupGraceMs ?? 120_000;
  const backoff = opts.backoffMs ?? { initial: 1000, max: 30_000 };

  const state = {
    status: /** @type {'starting' | 'up' | 'restarting' | 'stopped'} */ ('starting'),
    pid: /** @type {number | undefined} */ (undefined),
    restarts: 0,
    lastRestartAt: /** @type {string | null} */ (null),
    lastReason: /** @type {string | null} */ (null),
  };
  let child = /** @type {import('node:child_process').ChildProcess | null} */ (null);
  let startedAt = 0;
  let answered = false;
  let failures = 0;
  let delay = backoff.initial;
  let stopping = false;
  let probing = false;

  const set = (patch) => {
    Object.assign(state, patch);
    opts.onChange();
  };

  function launch() {
    startedAt = Date.now();
    answered = false;
    failures = 0;
    child = opts.start();
    set({ status: 'starting', pid: child.pid });
    const current = child;
    current.on('exit', (code, signal) => {
      if (child !== current) return;
      child = null;
      if (stopping) return set({ status: 'stopped', pid: undefined });
      restartLater(`exited (${signal ?? code})`);
    });
  }

  function restartLater(reason) {
    opts.log(`${reason}; restarting in ${Math.round(delay / 100) / 10} s`);
    set({
      status: 'restarting',
      pid: undefined,
      restarts: state.restarts + 1,
      lastRestartAt: new Date().toISOString(),
      lastReason: reason,
    });
    const wait = delay;
    delay = Math.min(delay * 2, backoff.max);
    setTimeout(() => {
      if (!stopping) launch();
    }, wait).unref();
  }

  async function check() {
    if (probing || stopping || !child) return;
    probing = true;
    const ok = await opts.probe().catch(() => false);
    probing = false;
    if (stopping || !child) return;
    if (ok) {
      answered = true;
      failures = 0;
      // Healthy for a while: the next crash starts from the shortest delay again.
      if (Date.now() - startedAt > 60_000) delay = backoff.initial;
      if (state.status !== 'up') set({ status: 'up' });
      return;
    }
    // Until it first answers, a slow start (a first compile) is not a failure.
    if (!answered && Date.now() - startedAt < startupGraceMs) return;
    failures += 1;
    if (failures < failuresToRestart) return;
    const stuck = child;
    child = null;
    killTree(stuck);
    restartLater(`not answering its health probe (${failures} times)`);
  }

  const timer = setInterval(() => void check(), probeEveryMs);
  timer.unref();
  launch();

  return {
    state,
    /** Stops supervising and ends the tree: SIGTERM, then SIGKILL after `graceMs`. */
    stop(graceMs = 1500) {
      stopping = true;
      clearInterval(timer);
      if (child) killTree(child, graceMs);
    },
  };
}

/**
 * Ends a child and every process under it (partykit's workerd and esbuild, next's workers):
 * SIGTERM, then SIGKILL after `graceMs`. Children stay in the runner's process group, so whoever
 * stops the runner's group (Playwright's webServer, a terminal's Ctrl+C) stops them too; the
 * tree is therefore found from the process list rather than by group.
 */
export function killTree(child, graceMs = 1500) {
  const pids = child.pid ? [...descendants(child.pid), child.pid] : [];
  const signal = (sig) => {
    for (const pid of pids) {
      try {
        process.kill(pid, sig);
      } catch {
        // Already gone.
      }
    }
  };
  signal('SIGTERM');
  setTimeout(() => signal('SIGKILL'), graceMs).unref();
}

/** Every process below `pid`, deepest first (`ps` on Linux and macOS). */
function descendants(pid) {
  let table;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map();
  for (const line of table.split('\n')) {
    const [p, parent] = line.trim().split(/\s+/).map(Number);
    if (!p || parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  const found = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      walk(c);
      found.push(c);
    }
  };
  walk(pid);
  return found;
}

/** Writes `value` as JSON atomically (a reader never sees half a file), private to the owner. */
export function writeJsonFile(file, value) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
  renameSync(temp, file);
}

/** An HTTP probe: any answer within `timeoutMs` counts as alive unless `okOnly`. */
export function httpProbe(url, { timeoutMs = 3000, okOnly = false } = {}) {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return okOnly ? res.ok : true;
  };
}
