#!/usr/bin/env node
// `npm run bench:observability`: what metrics and tracing cost an API route, in process.
// Runs test/bench/observability-overhead.ts through vitest.bench.config.mts (GET a 50-message
// page, alternately with request/store metrics + trace context on and off) and prints both and
// the overhead. Goal: at most 10 %. Options: BENCH_ROUNDS (6), BENCH_CALLS per round (400).
// Results: bench-results/observability.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'observability.json');

const run = spawnSync(
  'node_modules/.bin/vitest',
  ['run', '--config', 'vitest.bench.config.mts', 'test/bench/observability-overhead.ts'],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BENCH_OUT: out } },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const r = JSON.parse(readFileSync(out, 'utf8'));
const fmt = (s) =>
  `${s.perSecond} req/s, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms (${s.requests} requests)`;
console.log(`\n${r.route}`);
console.log(`  off: ${fmt(r.off)}`);
console.log(`  on:  ${fmt(r.on)}`);
console.log(
  `  overhead: throughput ${r.overheadPercent.throughput} %, p50 ${r.overheadPercent.p50} %, p99 ${r.overheadPercent.p99} % (goal ≤ 10 %)`,
);
