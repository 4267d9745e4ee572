import { defineConfig, devices } from '@playwright/test';

import {
  E2E_ADMIN_EMAIL,
  E2E_DATA_DIR,
  E2E_METRICS_TOKEN,
  E2E_SENTRY_PORT,
} from './e2e/fixtures/server';

/**
 * End-to-end tests drive a production build on embedded defaults, with a throw-away data
 * directory and ports of their own so they never touch a running `npm run dev`.
 * Browser: Debian's Chromium at /usr/bin/chromium (CHROMIUM_PATH overrides it). On other systems
 * run `npx playwright install chromium` and set CHROMIUM_PATH to '' to use Playwright's own.
 */
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = process.env.E2E_BASE_URL || `http://localhost:${port}`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A fake OpenAI-compatible provider (scripts/fake-openai.mjs) that the assistant streams from. */
const aiPort = Number(process.env.E2E_AI_PORT || 3198);
const launchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ],
};
/** Specs that run at phone size with touch (the `phone` project), and only there. */
const PHONE_SPECS = /interface-phone.*\.spec\.ts|interface-axe\.spec\.ts/;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /interface-phone.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      // A 390 × 844 phone with touch (issue #12): the phone specs, and the axe check at this size.
      name: 'phone',
      testMatch: PHONE_SPECS,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        launchOptions,
      },
    },
  ],
  // E2E_BASE_URL points the suite at a server already running (say `npm run dev`) instead.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : [
        {
          command: 'node scripts/e2e-server.mjs',
          url: `http://localhost:${port}/api/health`,
          // A production build takes 3–7 minutes on a 2-core machine; more when it is busy.
          timeout: 900_000,
          reuseExistingServer: false,
          stdout: 'pipe',
          stderr: 'pipe',
          env: {
            E2E_PORT: String(port),
            // Only for this throw-away server: the suite signs up more people than the default 20
            // per address per hour allows, and the call tests wait out a short ring (no chat test
            // depends on either).
            SIGNUP_LIMIT_PER_HOUR: '200',
            CALL_RING_TIMEOUT_MS: '6000',
            AI_BASE_URL: `http://127.0.0.1:${aiPort}/v1`,
            AI_API_KEY: 'e2e-fake-key',
            // Digest emails after 3 s instead of 10 min, and in a data directory the email spec
            // can read (.eml files in <dir>/outbox).
            EMAIL_DIGEST_DELAY_MINUTES: '0.05',
            EMAIL_DIGEST_EVERY_MINUTES: '0.05',
            E2E_DATA_DIR,
            // /api/metrics for e2e/monitoring.spec.ts (a real Prometheus scrapes it).
            METRICS_TOKEN: E2E_METRICS_TOKEN,
            // Server and room errors go to a local fake ingest (scripts/fake-sentry-ingest.mjs).
            SENTRY_DSN: `http://publickey@127.0.0.1:${E2E_SENTRY_PORT}/42`,
            // Browser errors too, through the /api/monitoring tunnel (baked in at build time).
            NEXT_PUBLIC_SENTRY_DSN: `http://publickey@127.0.0.1:${E2E_SENTRY_PORT}/42`,
            SENTRY_ENVIRONMENT: 'e2e',
            // The operations spec's admin (made verified by the spec, as an OAuth sign-in would).
            ADMIN_EMAILS: E2E_ADMIN_EMAIL,
          },
        },
        {
          command: 'node scripts/fake-sentry-ingest.mjs',
          url: `http://127.0.0.1:${E2E_SENTRY_PORT}/health`,
          timeout: 20_000,
          reuseExistingServer: false,
          env: { E2E_SENTRY_PORT: String(E2E_SENTRY_PORT) },
        },
        {
          command: 'node scripts/fake-openai.mjs',
          url: `http://127.0.0.1:${aiPort}/health`,
          timeout: 20_000,
          reuseExistingServer: false,
          env: { E2E_AI_PORT: String(aiPort) },
        },
      ],
});
