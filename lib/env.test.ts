import { describe, expect, it } from 'vitest';

import { EnvError, parseClientEnv, parseServerEnv } from './env';

const secrets = {
  NEXTAUTH_SECRET: 'n'.repeat(32),
  PARTY_SECRET: 'p'.repeat(32),
  ROOM_TOKEN_KEY: 'r'.repeat(32),
};

describe('parseServerEnv', () => {
  it('fills development defaults when nothing is set', () => {
    const env = parseServerEnv({}, { enforceSecrets: false });
    expect(env.PARLEY_DATA_DIR).toBe('.data');
    expect(env.PARTYKIT_HOST).toBe('127.0.0.1:1999');
    expect(env.LOG_LEVEL).toBe('info');
  });

  it('treats empty strings as unset', () => {
    expect(parseServerEnv({ PARTYKIT_HOST: '' }, { enforceSecrets: false }).PARTYKIT_HOST).toBe(
      '127.0.0.1:1999',
    );
  });

  it('rejects a malformed value and names the variable', () => {
    expect(() => parseServerEnv({ LOG_LEVEL: 'loud' }, { enforceSecrets: false })).toThrow(
      /LOG_LEVEL/,
    );
    expect(() => parseServerEnv({ NEXTAUTH_URL: 'not a url' }, { enforceSecrets: false })).toThrow(
      EnvError,
    );
  });

  it('reads TRUSTED_PROXIES as ranges and names an entry that is not an address or CIDR', () => {
    const env = parseServerEnv(
      { TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1,2001:db8::/32' },
      { enforceSecrets: false },
    );
    expect(env.TRUSTED_PROXIES).toHaveLength(3);
    expect(parseServerEnv({}, { enforceSecrets: false }).TRUSTED_PROXIES).toEqual([]);
    expect(() =>
      parseServerEnv({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' }, { enforceSecrets: false }),
    ).toThrow(/TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR/);
  });

  it('rejects a secret that is too short to be safe', () => {
    expect(() => parseServerEnv({ PARTY_SECRET: 'short' }, { enforceSecrets: false })).toThrow(
      /PARTY_SECRET/,
    );
  });

  it('stops production start-up when a secret is missing, naming each one', () => {
    const { ROOM_TOKEN_KEY: _omit, ...rest } = secrets;
    expect(() => parseServerEnv(rest, { enforceSecrets: true })).toThrow(
      /Missing required environment variable: ROOM_TOKEN_KEY/,
    );
    expect(() => parseServerEnv({}, { enforceSecrets: true })).toThrow(
      /NEXTAUTH_SECRET, PARTY_SECRET, ROOM_TOKEN_KEY/,
    );
  });

  it('accepts a complete production environment', () => {
    const env = parseServerEnv(
      { ...secrets, NODE_ENV: 'production', PARTYKIT_HOST: 'parley.acme.partykit.dev' },
      { enforceSecrets: true },
    );
    expect(env.NODE_ENV).toBe('production');
    expect(env.PARTY_SECRET).toBe(secrets.PARTY_SECRET);
  });

  it('refuses half-configured services, saying what is missing', () => {
    const parse = (extra: Record<string, string>) =>
      parseServerEnv({ ...secrets, ...extra }, { enforceSecrets: false });
    expect(() => parse({ QSTASH_TOKEN: 'q' })).toThrow(/QSTASH_CURRENT_SIGNING_KEY/);
    expect(() => parse({ QSTASH_TOKEN: 'q', QSTASH_CURRENT_SIGNING_KEY: 'k' })).toThrow(
      /NEXTAUTH_URL/,
    );
    expect(() => parse({ UPSTASH_REDIS_REST_URL: 'https://x.upstash.io' })).toThrow(
      /UPSTASH_REDIS_REST_TOKEN/,
    );
    expect(() => parse({ VAPID_PUBLIC_KEY: 'p' })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => parse({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
    expect(() =>
      parse({
        QSTASH_TOKEN: 'q',
        QSTASH_CURRENT_SIGNING_KEY: 'k',
        NEXTAUTH_URL: 'https://parley.example',
        AI_TIMEOUT_MS: '55000',
      }),
    ).toThrow(/AI_TIMEOUT_MS/);
    const ok = parse({
      QSTASH_TOKEN: 'q',
      QSTASH_CURRENT_SIGNING_KEY: 'k',
      NEXTAUTH_URL: 'https://parley.example',
      ADMIN_EMAILS: ' Ana@Example.com, bo@example.com ,',
    });
    expect(ok.ADMIN_EMAILS).toEqual(['ana@example.com', 'bo@example.com']);
    expect(ok.AI_BASE_URL).toBe('https://api.groq.com/openai/v1');
    expect(ok.EMAIL_DIGEST_DELAY_MINUTES).toBe(10);
  });
});

describe('parseClientEnv', () => {
  it('has a default app name and keeps server variables out', () => {
    const env = parseClientEnv({ NEXT_PUBLIC_APP_NAME: 'Parley Dev' });
    expect(env).toEqual({ NEXT_PUBLIC_APP_NAME: 'Parley Dev' });
    expect(parseClientEnv({}).NEXT_PUBLIC_APP_NAME).toBe('Parley');
  });
});
