/**
 * The Content-Security-Policy every page carries. It is built per request from the environment
 * the server started with (proxy.ts), not at build time: one build then works with PartyKit on
 * any host or port (`PARTYKIT_PORT=2300 npm start`). It allows the app itself and its PartyKit
 * host (ws/wss for sockets, http/https for nothing else), and nothing it does not need. Inline
 * scripts are allowed because Next.js streams its hydration data in inline <script> tags; nonces
 * would make every page dynamic.
 */
export function contentSecurityPolicy({ partyHost, dev }: { partyHost: string; dev: boolean }) {
  const local = /^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(partyHost);
  const party = local
    ? `ws://${partyHost} http://${partyHost}`
    : `wss://${partyHost} https://${partyHost}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    `connect-src 'self' ${party}${dev ? ' ws://localhost:* ws://127.0.0.1:*' : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
