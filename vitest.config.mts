import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React Server Components; tests run route code directly.
      // `client-only` likewise guards browser modules, which component tests import.
      'server-only': path.resolve(root, 'test/empty-module.ts'),
      'client-only': path.resolve(root, 'test/empty-module.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next*/**', '.data/**'],
    env: { NODE_ENV: 'test', SQLITE_PATH: ':memory:', LOG_LEVEL: 'silent' },
    // Secrets, a throwaway PARLEY_DATA_DIR and an unreachable PARTYKIT_HOST for the route tests.
    setupFiles: ['test/setup-env.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
