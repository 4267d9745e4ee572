import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React Server Components; tests run route code directly.
      'server-only': path.resolve(root, 'test/empty-module.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next*/**', '.data/**'],
    env: { NODE_ENV: 'test', SQLITE_PATH: ':memory:', LOG_LEVEL: 'silent' },
    // Secrets, a throwaway PARLEY_DATA_DIR and an unreachable PARTYKIT_HOST for the route tests.
    setupFiles: ['test/setup-env.ts'],
    // `npm run test:coverage` (security.yml's coverage gate): v8 coverage of lib/ and party/.
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.{ts,tsx}', 'party/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportOnFailure: true,
    },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
