#!/usr/bin/env node
// `npm test`: every runner in turn (Vitest, then Playwright), then one closing line that counts
// them all: `tests: N passed, M failed`. Exits non-zero if anything failed or a runner broke.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

import { exitOnUnsupportedNode } from './lib/node-version.mjs';

exitOnUnsupportedNode();

mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function runner(name, command, args, reportFile, count) {
  rmSync(reportFile, { force: true });
  console.log(`\n── ${name} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (!existsSync(reportFile)) {
    console.error(`${name} wrote no report (exit ${result.status}); counting it as failed.`);
    broken = true;
    totals.failed++;
    return;
  }
  const counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  console.log(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  for (const k of Object.keys(totals)) totals[k] += counts[k];
  if (result.status !== 0 && counts.failed === 0) {
    console.error(`${name} exited ${result.status} with no failed test; counting it as failed.`);
    broken = true;
    totals.failed++;
  }
}

runner(
  'vitest',
  'node_modules/.bin/vitest',
  ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
  'test-results/unit.json',
  (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  }),
);

runner('playwright', 'node_modules/.bin/playwright', ['test'], 'test-results/e2e.json', (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
}));

console.log(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 || broken ? 1 : 0);
