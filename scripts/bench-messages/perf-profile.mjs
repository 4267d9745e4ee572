// A CPU profile of workerd through Linux `perf` (sampling, call graphs), for --profile. workerd's
// own inspector (partykit 0.0.115) accepts a connection and answers no command, so V8's profiler
// is out of reach; perf sees the whole process instead: V8's builtins and runtime, workerd's C++
// (HTTP, WebSocket, Durable Object storage), SQLite, the kernel. JavaScript compiled at run time
// has no symbols for perf and is counted as one part ("JavaScript, compiled at run time").
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

import { busyMsOf, componentOf, parsePerfReport, summarizePerf } from './perf-summary.mjs';

/** Whether `perf` can sample here (installed, and allowed to attach). */
export function perfAvailable() {
  return spawnSync('perf', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts `perf record` on `pid`; the function it answers stops it and answers the summary
 * ({ file, report, folded, wallMs, busyMs, topFunctions, topFiles (by component) }).
 */
export function startPerf(pid, { file, frequency = 499 }) {
  const started = Date.now();
  const child = spawn(
    'perf',
    ['record', '-F', String(frequency), '-g', '-p', String(pid), '-o', file, '--quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return async function stop() {
    const wallMs = Date.now() - started;
    child.kill('SIGINT');
    await exited;
    const report = spawnSync(
      'perf',
      ['report', '-i', file, '--stdio', '--no-children', '--sort', 'dso,sym', '-g', 'none'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (report.status !== 0)
      throw new Error(`perf report failed: ${(report.stderr || stderr).trim().slice(0, 300)}`);
    const rows = parsePerfReport(report.stdout);
    if (rows.length === 0) throw new Error(`perf recorded nothing: ${stderr.trim().slice(0, 300)}`);
    const reportFile = file.replace(/\.perf\.data$/, '.perf.txt');
    writeFileSync(reportFile, report.stdout);
    const folded = file.replace(/\.perf\.data$/, '.folded');
    writeFileSync(folded, foldedFromPerf(file));
    return {
      file,
      report: reportFile,
      folded,
      ...summarizePerf(rows, wallMs, { busyMs: busyMsOf(report.stdout) }),
    };
  };
}

/** Folded stacks (root first, `;`-joined, then a count) from `perf script`, for flamegraph.pl. */
function foldedFromPerf(file) {
  const script = spawnSync('perf', ['script', '-i', file, '-F', 'ip,sym,dso'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const counts = new Map();
  for (const block of script.stdout.split(/\n\s*\n/)) {
    const frames = block
      .split('\n')
      .map((line) => /^\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$/.exec(line))
      .filter(Boolean)
      .map(([, sym, dso]) =>
        sym === '[unknown]' ? componentOf(dso, sym) : sym.replace(/;/g, ','),
      );
    if (frames.length === 0) continue;
    const key = frames.reverse().join(';');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([stack, n]) => `${stack} ${n}`).join('\n') + '\n';
}
