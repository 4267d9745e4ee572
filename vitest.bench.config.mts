import { defineConfig, mergeConfig } from 'vitest/config';

import base from './vitest.config.mts';

/**
 * Only for `npm run bench:observability` (scripts/bench-observability.mjs): the app's test setup
 * (aliases, environment, server-only shim) for a measurement file the normal suite never runs.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: { include: ['test/bench/observability-overhead.ts'], testTimeout: 300_000 },
  }),
);
