import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { EnvError, parseServerEnv } from '@/lib/env';

import { iceServersFor, splitUrls, turnCredential } from './ice-servers';

const none = { stunUrls: [], turnUrls: [], turnTtlSeconds: 60 };

describe('ICE servers', () => {
  it('splits comma-separated URLs, dropping blanks', () => {
    expect(splitUrls(' stun:a:3478 ,, stun:b ,')).toEqual(['stun:a:3478', 'stun:b']);
    expect(splitUrls(undefined)).toEqual([]);
  });

  it('computes the TURN REST API credential: base64 HMAC-SHA1 of the username', async () => {
    const username = '1700000000:u_ana';
    expect(await turnCredential('s3cret', username)).toBe(
      createHmac('sha1', 's3cret').update(username).digest('base64'),
    );
  });

  it('names the expiry (now + ttl, in seconds) and the person in the username', async () => {
    const now = 1_700_000_000_500;
    const config = { ...none, turnUrls: ['turn:t'], turnSecret: 'x', turnTtlSeconds: 600 };
    const { iceServers, ttlSeconds } = await iceServersFor(config, 'u_ben', now);
    expect(iceServers[0]?.username).toBe('1700000600:u_ben');
    expect(ttlSeconds).toBe(600);
  });

  it('prefers the shared secret over static credentials', async () => {
    const config = {
      ...none,
      turnUrls: ['turn:t'],
      turnSecret: 'x',
      turnUsername: 'static',
      turnCredential: 'static',
    };
    const { iceServers } = await iceServersFor(config, 'u_ben');
    expect(iceServers[0]?.username).not.toBe('static');
  });

  it('has nothing without configuration', async () => {
    expect(await iceServersFor(none, 'u_ben')).toEqual({ iceServers: [] });
  });
});

describe('call environment variables', () => {
  it('defaults the ring timeout to 30 s and the TURN credential lifetime to a day', () => {
    const env = parseServerEnv({}, { enforceSecrets: false });
    expect(env.CALL_RING_TIMEOUT_MS).toBe(30_000);
    expect(env.TURN_TTL_SECONDS).toBe(86_400);
  });

  it('reads a shorter ring timeout for tests', () => {
    expect(
      parseServerEnv({ CALL_RING_TIMEOUT_MS: '1500' }, { enforceSecrets: false })
        .CALL_RING_TIMEOUT_MS,
    ).toBe(1500);
  });

  it.each([
    ['ICE_STUN_URLS', 'http://stun.example.org'],
    ['ICE_STUN_URLS', 'stun:a, turn:b'],
    ['TURN_URLS', 'stun:a'],
    ['CALL_RING_TIMEOUT_MS', 'soon'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => parseServerEnv({ [name]: value }, { enforceSecrets: false })).toThrow(EnvError);
  });

  it('accepts TURN URLs with a transport', () => {
    const env = parseServerEnv(
      { TURN_URLS: 'turn:t:3478?transport=udp, turns:t:5349?transport=tcp' },
      { enforceSecrets: false },
    );
    expect(splitUrls(env.TURN_URLS)).toHaveLength(2);
  });
});
