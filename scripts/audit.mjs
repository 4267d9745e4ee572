#!/usr/bin/env node
// The dependency audit gate (security.yml): `npm audit` at high severity, minus the advisories in
// audit-allowlist.json, each accepted with a reason and an expiry date. Fails on any other high or
// critical advisory, on an expired or malformed allow-list entry, and (on GitHub) when the registry
// does not answer. Where the registry does not answer audit requests (this workplace's mirror),
// it says so and passes: GitHub Actions runs the real audit.
//
//   node scripts/audit.mjs [--allowlist audit-allowlist.json] [--report saved-npm-audit.json]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const allowlistFile = opt('--allowlist', 'audit-allowlist.json');
const reportFile = opt('--report');
const onCi = process.env.GITHUB_ACTIONS === 'true';
const today = new Date().toISOString().slice(0, 10);
const GATE = new Set(['high', 'critical']);

function fail(message) {
  console.error(`audit: ${message}`);
  process.exit(1);
}

// ── the allow-list ──
let allowlist;
try {
  allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8'));
} catch (error) {
  fail(`cannot read ${allowlistFile}: ${error.message}`);
}
if (!Array.isArray(allowlist?.advisories)) fail(`${allowlistFile}: "advisories" must be a list`);
const accepted = new Map();
for (const [i, entry] of allowlist.advisories.entries()) {
  const where = `${allowlistFile} entry ${i + 1}`;
  if (typeof entry?.id !== 'string' || !entry.id) fail(`${where}: needs an advisory "id"`);
  if (typeof entry.reason !== 'string' || entry.reason.trim().length < 10)
    fail(`${where} (${entry.id}): needs a "reason" someone reviewed`);
  if (typeof entry.expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.expires))
    fail(`${where} (${entry.id}): needs "expires" as YYYY-MM-DD`);
  if (entry.expires < today)
    fail(
      `${where} (${entry.id}) expired on ${entry.expires}: review it again (fix, or renew with a reason)`,
    );
  accepted.set(entry.id, entry);
}

// ── the report ──
let text;
if (reportFile) {
  text = readFileSync(reportFile, 'utf8');
} else {
  const run = spawnSync('npm', ['audit', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  text = run.stdout;
}
let report;
try {
  report = JSON.parse(text);
} catch {
  report = null;
}
if (!report?.vulnerabilities) {
  const why = report?.message ?? report?.error?.summary ?? 'no audit report';
  const message = `the registry did not answer the audit request (${why}).`;
  if (onCi) fail(`${message} On GitHub Actions this is a failure: the audit must run.`);
  console.log(`audit: ${message} Skipped here; GitHub Actions runs the real audit (security.yml).`);
  process.exit(0);
}

// ── findings at the gate, by advisory ──
const findings = new Map();
for (const vuln of Object.values(report.vulnerabilities)) {
  for (const via of vuln.via ?? []) {
    if (typeof via !== 'object' || !GATE.has(via.severity)) continue;
    const ghsa = /GHSA-[\w-]+/.exec(via.url ?? '')?.[0];
    const id = ghsa ?? String(via.source);
    const ids = [id, String(via.source)];
    const entry = findings.get(id) ?? {
      id,
      ids,
      title: via.title,
      severity: via.severity,
      packages: new Set(),
    };
    entry.packages.add(vuln.name);
    findings.set(id, entry);
  }
}
const open = [...findings.values()].filter((f) => !f.ids.some((id) => accepted.has(id)));
const allowed = [...findings.values()].filter((f) => f.ids.some((id) => accepted.has(id)));
for (const f of allowed) {
  const entry = f.ids.map((id) => accepted.get(id)).find(Boolean);
  console.log(
    `audit: allowed ${f.id} (${f.severity}, ${[...f.packages].join(', ')}) until ${entry.expires}: ${entry.reason}`,
  );
}
if (open.length > 0) {
  for (const f of open)
    console.error(`audit: ${f.severity} ${f.id} in ${[...f.packages].join(', ')}: ${f.title}`);
  fail(
    `${open.length} high or critical advisor${open.length === 1 ? 'y' : 'ies'} not in ${allowlistFile}: upgrade, or review and allow-list with a reason and expiry.`,
  );
}
console.log(
  `audit: no high or critical advisory outside the allow-list (${allowed.length} allowed).`,
);
