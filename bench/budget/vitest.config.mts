import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `npm run bench:budget`: the simulated day (day.budget.ts) with the project's aliases, outside
 * `npm test` (its files are not *.test.ts). The fakes start in setup.ts, before lib/env.ts reads
 * the environment that points the app at them.
 */
export default defineConfig({
  root,
  resolve: {
    alias: {
      '@': root,
      'server-only': path.resolve(root, 'test/empty-module.ts'),
      'client-only': path.resolve(root, 'test/empty-module.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['bench/budget/day.budget.ts'],
    setupFiles: ['bench/budget/setup.ts'],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
