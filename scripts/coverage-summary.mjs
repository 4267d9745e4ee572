#!/usr/bin/env node
// Markdown table of a Vitest json-summary report (coverage/coverage-summary.json) for the job
// summary: totals, then lib/ and party/, the two folders the coverage gate covers.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2] ?? 'coverage/coverage-summary.json';
let summary;
try {
  summary = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log(`### Coverage\n\nNo report at \`${file}\` (the test run failed before writing it).`);
  process.exit(0);
}
const metrics = ['lines', 'statements', 'functions', 'branches'];
const groups = { 'lib/': [], 'party/': [] };
for (const [key, value] of Object.entries(summary)) {
  if (key === 'total') continue;
  const rel = path.relative(process.cwd(), key).split(path.sep).join('/');
  for (const prefix of Object.keys(groups)) if (rel.startsWith(prefix)) groups[prefix].push(value);
}
const pct = (covered, total) => (total === 0 ? 100 : (100 * covered) / total).toFixed(2);
const row = (name, entries) =>
  `| ${name} | ${metrics
    .map((m) => {
      const covered = entries.reduce((s, e) => s + e[m].covered, 0);
      const total = entries.reduce((s, e) => s + e[m].total, 0);
      return `${pct(covered, total)} %`;
    })
    .join(' | ')} |`;
console.log('### Coverage\n');
console.log(`| | ${metrics.join(' | ')} |`);
console.log(`| --- | ${metrics.map(() => '---:').join(' | ')} |`);
console.log(row('total', [summary.total]));
for (const [prefix, entries] of Object.entries(groups)) console.log(row(prefix, entries));
