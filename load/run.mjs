#!/usr/bin/env node
// `npm run test:load -- --url <base URL>`: Parley's load scenarios (load/*.yml) run with
// Artillery against a running deployment, then one summary of what people feel: the time from a
// message's POST to its `message.created` frame on every member's PartyKit socket.
//
//   --url <base URL>           LOAD_URL       the deployment (required)
//   --scenario <names|all>     all            dm-burst, group-50, idle-500 (comma-separated)
//   --size full|smoke          full           smoke: the small sizes each file's `smoke`
//                                             environment sets (a minute in all)
//   --summary <file>                          also append the table as Markdown
//                                             (e.g. $GITHUB_STEP_SUMMARY)
//   --reports <dir>                           keep Artillery's JSON report of each scenario
//                                             there (`npx artillery report` renders one)
//
// The thresholds live in each scenario file (`ensure`): p95 ≤ 500 ms and p99 ≤ 1,000 ms send →
// receive, at most 1 % of deliveries missing or sends refused, no cohort failing to set up, and
// at most 1 % of virtual users failing. Any miss fails the run (exit 1).
//
// Every run signs up throw-away people (load-*@load.parley.test). Sign-ups are limited to 20 per
// address per hour by default: for the full sizes raise SIGNUP_LIMIT_PER_HOUR on the target for
// the run (staging), or start a local server with PARLEY_RATE_LIMITS=off (never on Vercel).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
export const SCENARIOS = ['dm-burst', 'group-50', 'idle-500'];

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i >= 0 && args[i + 1] !== undefined && !args[i + 1].startsWith('--')) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1) ?? fallback;
};
const url = opt('--url', process.env.LOAD_URL);
const size = opt('--size', 'full');
const which = opt('--scenario', 'all');
const summaryFile = opt('--summary');
const reportsDir = opt('--reports');
const chosen = which === 'all' ? SCENARIOS : which.split(',');
const unknown = chosen.filter((name) => !SCENARIOS.includes(name));
if (!url || !['full', 'smoke'].includes(size) || unknown.length) {
  console.error(
    `usage: npm run test:load -- --url http://localhost:3000 [--scenario ${SCENARIOS.join(',')}|all] [--size full|smoke] [--summary <file>] [--reports <dir>]`,
  );
  if (unknown.length) console.error(`unknown scenario: ${unknown.join(', ')}`);
  process.exit(2);
}

const round = (v) => (typeof v === 'number' ? Math.round(v) : '—');
const work = reportsDir
  ? (mkdirSync(reportsDir, { recursive: true }), path.resolve(reportsDir))
  : mkdtempSync(path.join(tmpdir(), 'parley-load-'));
const results = [];
try {
  for (const name of chosen) {
    const report = path.join(work, `${name}.json`);
    console.log(`\n── ${name} (${size}) against ${url}`);
    const run = spawnSync(
      path.join(root, 'node_modules/.bin/artillery'),
      [
        'run',
        '--target',
        url,
        ...(size === 'smoke' ? ['--environment', 'smoke'] : []),
        '--output',
        report,
        path.join(here, `${name}.yml`),
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true' },
      },
    );
    let aggregate = null;
    try {
      aggregate = JSON.parse(readFileSync(report, 'utf8')).aggregate;
    } catch {
      // no report: Artillery failed before the run (its output says why)
    }
    const counters = aggregate?.counters ?? {};
    const latency = aggregate?.summaries?.['parley.send_to_receive'] ?? {};
    const http = aggregate?.summaries?.['http.response_time'] ?? {};
    results.push({
      name,
      passed: run.status === 0,
      latency,
      http,
      expected: counters['parley.deliveries.expected'] ?? 0,
      received: counters['parley.deliveries.received'] ?? 0,
      missing: counters['parley.deliveries.missing'] ?? 0,
      sends: counters['http.codes.201'] ?? 0,
      sendsFailed: counters['parley.sends.failed'] ?? 0,
      vusers: `${counters['vusers.completed'] ?? 0}/${counters['vusers.created'] ?? 0}`,
      sockets: aggregate?.summaries?.['parley.socket_connect']?.count ?? 0,
    });
  }
} finally {
  if (!reportsDir) rmSync(work, { recursive: true, force: true });
}

const header =
  '| scenario | send → receive p50 / p95 / p99 / max (ms) | deliveries | sends (refused) | sockets | HTTP p99 (ms) | virtual users done | result |';
const rows = results.map(
  (r) =>
    `| ${r.name} | ${round(r.latency.p50)} / ${round(r.latency.p95)} / ${round(r.latency.p99)} / ${round(r.latency.max)} | ${r.received}/${r.expected} (missing ${r.missing}) | ${r.sends} (${r.sendsFailed}) | ${r.sockets} | ${round(r.http.p99)} | ${r.vusers} | ${r.passed ? 'pass' : 'FAIL'} |`,
);
const table = [header, `|${' --- |'.repeat(8)}`, ...rows].join('\n');
console.log(`\nLoad test summary (${size} size, ${url})\n${table}`);
if (summaryFile) appendFileSync(summaryFile, `### Load test (${size})\n\n${table}\n`);
process.exit(results.every((r) => r.passed) ? 0 : 1);
