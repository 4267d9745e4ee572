// --profile: CPU profiles of next-server and workerd over one measured window. next-server's goes
// through its inspector (Chrome DevTools Protocol): it is started with `--inspect=127.0.0.1:0`
// (NODE_OPTIONS of that process only) and prints its debugger URL. workerd's inspector (the one
// `partykit dev` opens) accepts a connection and answers no command, so workerd's profile is taken
// with Linux `perf` instead (perf-profile.mjs); the inspector is still tried when perf is missing.
// Profiles go to bench-results/: .cpuprofile (Chrome DevTools' Performance panel or
// https://www.speedscope.app draw them as flame graphs), .perf.data with its report (.perf.txt),
// and folded stacks (.folded, for flamegraph.pl and the like) of each.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

import { sampleCpu } from '../lib/bench-server.mjs';
import { perfAvailable, startPerf } from './perf-profile.mjs';
import { foldedStacks, summarizeProfile } from './profile-summary.mjs';
import { step } from './util.mjs';

/** NODE_OPTIONS for the next-server process when profiling. */
export const NEXT_INSPECT_OPTIONS = '--inspect=127.0.0.1:0';

/** A minimal CDP session: `send(method, params)` answers the result or rejects with its error. */
async function connect(url) {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1024 * 1024 * 1024 });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${url}: no connection in 10 s`)), 10_000);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  let nextId = 1;
  const pending = new Map();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
    else waiter.resolve(message.result);
  });
  return {
    // A command the target never answers must not stall the benchmark: it times out instead.
    send: (method, params = {}, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer in ${timeoutMs / 1000} s`));
        }, timeoutMs);
        const done = (fn) => (value) => {
          clearTimeout(timer);
          fn(value);
        };
        pending.set(id, { resolve: done(resolve), reject: done(reject), method });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** next-server's debugger URL, from what it printed ("Debugger listening on ws://…"). */
function nextInspectorUrl(server) {
  const match = /\[next\] Debugger listening on (ws:\/\/\S+)/.exec(server.output());
  if (!match) throw new Error('next-server printed no debugger URL (started without --inspect?)');
  return match[1];
}

/** The pid of the workerd under this benchmark. */
function workerdPid() {
  for (const [pid, stat] of sampleCpu(process.pid))
    if (stat.label.startsWith('workerd')) return pid;
  throw new Error('no workerd process under this benchmark');
}

/** workerd's user-worker debugger URL, from its --inspector-addr and the inspector's /json. */
async function workerdInspectorUrl() {
  for (const [pid, stat] of sampleCpu(process.pid)) {
    if (!stat.label.startsWith('workerd')) continue;
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const addr = cmd.find((a) => a.startsWith('--inspector-addr='))?.split('=')[1];
    if (!addr) continue;
    const port = addr.split(':').at(-1);
    const targets = await (
      await fetch(`http://127.0.0.1:${port}/json`, { signal: AbortSignal.timeout(10_000) })
    ).json();
    const target = targets.find((t) => String(t.id).startsWith('core:user'));
    if (target?.webSocketDebuggerUrl) return target.webSocketDebuggerUrl;
    throw new Error(`workerd's inspector (port ${port}) lists no user worker`);
  }
  throw new Error('no workerd process with --inspector-addr under this benchmark');
}

/**
 * Something for measureWindow's `around`: starts both profilers, and on stop saves each profile
 * as bench-results/<prefix>-<process>.cpuprofile and answers a summary per process (or the reason
 * it could not be taken).
 */
export function cpuProfiles(server, { resultsDir, prefix }) {
  const perf = perfAvailable();
  const targets = [
    { name: 'next-server', url: async () => nextInspectorUrl(server) },
    ...(perf ? [] : [{ name: 'workerd', url: workerdInspectorUrl }]),
  ];
  return {
    async start() {
      let stopPerf = null;
      if (perf) {
        try {
          const file = path.join(resultsDir, `${prefix}-workerd.perf.data`);
          stopPerf = startPerf(workerdPid(), { file });
        } catch (err) {
          step(`profile of workerd: not taken (${err.message})`);
        }
      }
      const sessions = await Promise.all(
        targets.map(async (t) => {
          try {
            const session = await connect(await t.url());
            try {
              // Short timeouts: the window waits for both profilers to start (or give up).
              await session.send('Profiler.enable', {}, 5000);
              await session
                .send('Profiler.setSamplingInterval', { interval: 500 }, 5000)
                .catch(() => {});
              await session.send('Profiler.start', {}, 5000);
            } catch (err) {
              session.close();
              throw err;
            }
            return { ...t, session };
          } catch (err) {
            step(`profile of ${t.name}: not taken (${err.message})`);
            return { ...t, error: err.message };
          }
        }),
      );
      return async () => {
        const out = {};
        if (stopPerf) {
          try {
            out.workerd = await stopPerf();
          } catch (err) {
            out.workerd = { error: err.message };
          }
        }
        for (const s of sessions) {
          if (!s.session) {
            out[s.name] = { error: s.error };
            continue;
          }
          try {
            const { profile } = await s.session.send('Profiler.stop', {}, 120_000);
            const file = path.join(resultsDir, `${prefix}-${s.name}.cpuprofile`);
            writeFileSync(file, JSON.stringify(profile));
            const folded = file.replace(/\.cpuprofile$/, '.folded');
            writeFileSync(folded, foldedStacks(profile));
            out[s.name] = { file, folded, ...summarizeProfile(profile) };
          } catch (err) {
            out[s.name] = { error: err.message };
          } finally {
            s.session.close();
          }
        }
        return out;
      };
    },
  };
}
