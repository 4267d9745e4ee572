// bench-results/messages.json: the latest figures of every part (realtime Parley vs relay,
// history, capacity, connections, profiles), each stamped with the run that measured it, and one
// line of key figures per run (the last 100), so a run that measures one part keeps the others'
// figures and runs can be compared. Each run's full results also go to messages-<time>.json.
// mergeResults is pure (results.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_VERSION = 2;
const MAX_RUNS = 100;

/** The figures worth comparing from run to run, flat; absent parts are left out. */
export function keyFigures(run) {
  const s = run.sections;
  const out = {
    startedAt: run.startedAt,
    commit: run.code?.commit ?? null,
    parts: Object.keys(s).filter((k) => s[k] !== null),
  };
  if (s.realtime) {
    out.offeredRate = s.realtime.parley.offeredRate;
    out.parleyDeliveryMs = pick(s.realtime.parley.deliveryLatencyMs);
    out.parleyPostMs = pick(s.realtime.parley.httpPostLatencyMs);
    out.parleyCompleteness = s.realtime.parley.deliveries.completeness;
    if (s.realtime.relay) {
      out.relayDeliveryMs = pick(s.realtime.relay.deliveryLatencyMs);
      out.relayPostMs = pick(s.realtime.relay.httpPostLatencyMs);
      out.deliveryRatio = s.realtime.ratio?.delivery ?? null;
    }
  }
  if (s.history) out.historyHttpP99Ms = s.history.httpLatencyMs.p99;
  if (s.capacity) {
    out.parleyCapacity = s.capacity.parley?.capacityMessagesPerSecond ?? null;
    out.relayCapacity = s.capacity.relay?.capacityMessagesPerSecond ?? null;
  }
  if (s.connections) {
    out.connectionsOpen = s.connections.connectionsOpen;
    out.connectionsDeliveryMs = s.connections.window
      ? pick(s.connections.window.deliveryLatencyMs)
      : null;
    out.connectionsPeakMb = s.connections.residentMemoryMb.peakWhileSending ?? null;
  }
  if (s.observability) out.observabilityOverheadPercent = s.observability.overheadPercent;
  return out;
}

const pick = (summary) => ({ p50: summary.p50, p99: summary.p99 });

/**
 * The file's new content from its previous content (anything: missing, older format, garbage)
 * and this run ({ startedAt, code, machine, config, sections: { name: figures } }).
 */
export function mergeResults(previous, run) {
  let base = { version: RESULTS_VERSION, latest: {}, runs: [] };
  if (previous && typeof previous === 'object' && previous.version === RESULTS_VERSION) {
    base = {
      version: RESULTS_VERSION,
      latest: { ...(previous.latest ?? {}) },
      runs: Array.isArray(previous.runs) ? previous.runs : [],
    };
  } else if (previous && typeof previous === 'object' && previous.realtime && previous.history) {
    // Version 1 (one run: realtime and history at the top): kept as that run's sections.
    const stamp = { startedAt: previous.startedAt, code: previous.code, machine: previous.machine };
    base.latest.realtime = { run: stamp, parley: previous.realtime, relay: null, ratio: null };
    base.latest.history = { run: stamp, ...previous.history };
  }
  const stamp = {
    startedAt: run.startedAt,
    code: run.code,
    machine: run.machine,
    config: run.config,
  };
  // A part that failed (null) leaves the last good figures of that part in place.
  for (const [name, figures] of Object.entries(run.sections))
    if (figures !== null) base.latest[name] = { run: stamp, ...figures };
  base.runs = [...base.runs, keyFigures(run)].slice(-MAX_RUNS);
  base.updatedAt = run.startedAt;
  return base;
}

/** Which code was measured: the commit, and how many files differed from it. */
export function gitInfo() {
  const git = (...args) => spawnSync('git', args, { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const status = git('status', '--porcelain');
  if (head.status !== 0) return null;
  return {
    commit: head.stdout.trim(),
    changedFiles: status.stdout.split('\n').filter(Boolean).length,
  };
}

export function machineInfo() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Writes this run to messages-<time>.json and merges it into messages.json; answers both paths. */
export function saveResults(resultsDir, run) {
  const file = path.join(resultsDir, 'messages.json');
  let previous = null;
  try {
    previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  } catch {
    previous = null; // unreadable: start over rather than fail the run at the end
  }
  const own = path.join(resultsDir, `messages-${run.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(own, JSON.stringify(run, null, 2) + '\n');
  writeFileSync(file, JSON.stringify(mergeResults(previous, run), null, 2) + '\n');
  return { file, own };
}
