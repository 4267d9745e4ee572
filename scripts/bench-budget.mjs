#!/usr/bin/env node
// `npm run bench:budget [-- --people 25 --messages 80]`: one simulated day of a team against
// counting fakes of QStash, Upstash, PartyKit and the AI provider (bench/budget/), printed beside
// the free tiers in lib/budget/free-tiers.ts, saved as bench-results/budget-<people>.json.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

import { exitOnUnsupportedNode } from './lib/node-version.mjs';

exitOnUnsupportedNode();
const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '25' },
    messages: { type: 'string', default: '80' },
  },
});
const result = spawnSync(
  'node_modules/.bin/vitest',
  ['run', '--config', 'bench/budget/vitest.config.mts', '--reporter=dot', '--silent=false'],
  {
    stdio: 'inherit',
    env: { ...process.env, BUDGET_PEOPLE: values.people, BUDGET_MESSAGES: values.messages },
  },
);
process.exit(result.status ?? 1);
