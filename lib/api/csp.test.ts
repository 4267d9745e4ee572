import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows the PartyKit host it is given, over ws for a loopback host', () => {
    const csp = contentSecurityPolicy({ partyHost: '127.0.0.1:2300', dev: false });
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:2300 http://127.0.0.1:2300;");
    expect(csp).not.toContain('1999');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('uses wss for a remote host', () => {
    const csp = contentSecurityPolicy({ partyHost: 'parley.acme.partykit.dev', dev: false });
    expect(csp).toContain(
      "connect-src 'self' wss://parley.acme.partykit.dev https://parley.acme.partykit.dev;",
    );
  });

  it('lets the development server reach any local socket (hot reload) and eval', () => {
    const csp = contentSecurityPolicy({ partyHost: 'localhost:1999', dev: true });
    expect(csp).toContain('ws://localhost:* ws://127.0.0.1:*');
    expect(csp).toContain("'unsafe-eval'");
  });

  it('keeps the fixed directives', () => {
    const csp = contentSecurityPolicy({ partyHost: '127.0.0.1:1999', dev: false });
    for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(directive);
  });
});
