// CPU and memory of the processes this benchmark started (Linux /proc), over a measured window.
import { readFileSync } from 'node:fs';
import os from 'node:os';

import { cpuBetween, machineBusyTicks, sampleCpu } from '../lib/bench-server.mjs';
import { round } from './util.mjs';

/** Starts a window; `finish(sendingSeconds, messages)` answers CPU per process and per message. */
export function startCpuWindow() {
  const loadBefore = os.loadavg()[0];
  const before = sampleCpu(process.pid);
  const machineBefore = machineBusyTicks();
  const benchBefore = process.cpuUsage();
  return function finish(sendingSeconds, messages) {
    const after = sampleCpu(process.pid);
    const machineAfter = machineBusyTicks();
    const bench = process.cpuUsage(benchBefore);
    const cpu = cpuBetween(before, after, sendingSeconds);
    cpu['bench client (this process)'] = round(
      ((bench.user + bench.system) / 1e6 / sendingSeconds) * 100,
      1,
    );
    // What everything else on the machine used meanwhile (other people's builds and tests).
    if (machineBefore !== null && machineAfter !== null) {
      const ours = Object.values(cpu).reduce((a, b) => a + b, 0);
      const all = ((machineAfter - machineBefore) / 100 / sendingSeconds) * 100;
      cpu['other processes on the machine'] = Math.max(0, round(all - ours, 1));
    }
    // CPU time per message sent: steadier than latency when other work shares the machine.
    const cpuMsPerMessage = Object.fromEntries(
      Object.entries(cpu)
        .filter(([name]) => !name.startsWith('other'))
        .map(([name, pct]) => [name, round(((pct / 100) * sendingSeconds * 1000) / messages)]),
    );
    return {
      cpuPercentOfOneCoreWhileSending: cpu,
      cpuMsPerMessage,
      /** 1-minute load average before and after sending: other work on the machine shows here. */
      loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    };
  };
}

/** Resident memory in MiB of this process's descendants, summed by label (workerd, next, …). */
export function residentMemoryMb() {
  const byLabel = {};
  for (const [pid, stat] of sampleCpu(process.pid)) {
    let kb = 0;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb = match ? Number(match[1]) : 0;
    } catch {
      continue; // exited between the listing and the read
    }
    byLabel[stat.label] = round((byLabel[stat.label] ?? 0) + kb / 1024, 1);
  }
  return byLabel;
}

/** The highest figure per label over several samples. */
export function peakMemory(samples) {
  const peak = {};
  for (const sample of samples)
    for (const [name, mb] of Object.entries(sample)) peak[name] = Math.max(peak[name] ?? 0, mb);
  return peak;
}

/**
 * Waits until this benchmark's servers are quiet (together under `percent` of a core over a
 * second), at most `timeoutMs`: Parley's follow-up jobs and backlogs finish before the relay is
 * measured, so one system's leftovers are not counted against the other. Answers the seconds
 * waited.
 */
export async function waitForQuiet({ percent = 15, timeoutMs = 30_000 } = {}) {
  const started = performance.now();
  let before = sampleCpu(process.pid);
  while (performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = sampleCpu(process.pid);
    const busy = Object.values(cpuBetween(before, after, 1)).reduce((a, b) => a + b, 0);
    if (busy < percent) break;
    before = after;
  }
  return round((performance.now() - started) / 1000, 1);
}
