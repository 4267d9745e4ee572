// @ts-check
/**
 * Security headers live here so every response carries them. The Content-Security-Policy allows
 * the app itself and its PartyKit host (ws/wss for sockets, http/https for nothing else), and
 * nothing it does not need. Inline scripts are allowed because Next.js streams its hydration data
 * in inline <script> tags; nonces would make every page dynamic.
 */
const dev = process.env.NODE_ENV !== 'production';
const partyHost = process.env.PARTYKIT_HOST || '127.0.0.1:1999';
const localParty = /^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(partyHost);

const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob:",
  `connect-src 'self' ${localParty ? `ws://${partyHost} http://${partyHost}` : `wss://${partyHost} https://${partyHost}`}${dev ? ' ws://localhost:* ws://127.0.0.1:*' : ''}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
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

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pino', '@node-rs/argon2', 'sharp'],
  // `npm test` builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The container image (Dockerfile) sets NEXT_OUTPUT=standalone: a self-contained server.js with
  // only the files it needs. Elsewhere the default output keeps `next start` working.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
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

module.exports = nextConfig;
