// @ts-check
/**
 * Security headers live here so every response carries them. The pages' Content-Security-Policy is
 * not among them: it names the PartyKit host, which is read when the server starts, so proxy.ts
 * sets it per request (lib/api/csp.ts). Built here it would freeze the build machine's host into
 * the build. The API's is static (below).
 */
const dev = process.env.NODE_ENV !== 'production';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(self), microphone=(self), display-capture=(self), geolocation=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
  ...(dev
    ? []
    : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]),
];

/**
 * The release Sentry events carry: the commit. Vercel gives it; elsewhere git does (a build from
 * a tarball without .git has none, and events then have no release).
 */
function commitSha() {
  if (process.env.SENTRY_RELEASE) return process.env.SENTRY_RELEASE;
  if (process.env.VERCEL_GIT_COMMIT_SHA) return process.env.VERCEL_GIT_COMMIT_SHA;
  try {
    // next.config.js is CommonJS (Next.js loads it before any bundler): require is its import.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('node:child_process')
      .execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return '';
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  env: {
    NEXT_PUBLIC_SENTRY_RELEASE: commitSha(),
    NEXT_PUBLIC_VERCEL_ENV: process.env.VERCEL_ENV || '',
  },
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pino', '@node-rs/argon2', 'sharp'],
  // The browser build of the endpoint descriptors leaves out their OpenAPI prose.
  turbopack: {
    rules: {
      '*endpoints.ts': {
        condition: 'browser',
        loaders: [require.resolve('./scripts/lib/strip-endpoint-docs.cjs')],
      },
    },
  },
  // `npm test` builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The container image (Dockerfile) sets NEXT_OUTPUT=standalone: a self-contained server.js with
  // only the files it needs. Elsewhere the default output keeps `next start` working.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // API answers are JSON, never a document: nothing may load or frame them. Static, so the
      // API needs no proxy pass for it (pages get theirs per request, proxy.ts).
      {
        source: '/api/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
      // The push service worker (public/sw.js): always revalidated, so a fix reaches every
      // browser on its next visit instead of after a cached copy expires.
      {
        source: '/sw.js',
        headers: [
          { key: 'Content-Type', value: 'application/javascript; charset=utf-8' },
          { key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' },
          { key: 'Service-Worker-Allowed', value: '/' },
        ],
      },
    ];
  },
};

/**
 * Sentry's build step (source maps uploaded when SENTRY_AUTH_TOKEN is set) only when Sentry is
 * configured, so a build without it neither loads nor ships anything of Sentry's.
 */
const sentryOn = !!(process.env.SENTRY_DSN || process.env.NEXT_PUBLIC_SENTRY_DSN);
module.exports = sentryOn
  ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when Sentry is on
    require('@sentry/nextjs/config').withSentryConfig(nextConfig, {
      org: process.env.SENTRY_ORG,
      project: process.env.SENTRY_PROJECT,
      authToken: process.env.SENTRY_AUTH_TOKEN,
      silent: !process.env.CI,
      telemetry: false,
      sourcemaps: { disable: !process.env.SENTRY_AUTH_TOKEN },
    })
  : nextConfig;
