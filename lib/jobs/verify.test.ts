import { describe, expect, it } from 'vitest';

import { CURRENT_KEY, NEXT_KEY, signQStash } from '@/test/qstash';

import { hasJobsSecret, verifyJobCaller, verifyQStashSignature } from './verify';

const URL_A = 'https://parley.example/api/jobs/notify-message';
const BODY = JSON.stringify({ jobId: 'job_1', payload: { messageId: 'm_1' } });
const keys = { current: CURRENT_KEY, next: NEXT_KEY };
const SECRET = 'local-jobs-secret-'.padEnd(40, 's');

const verify = (signature: string, rawBody = BODY, destination = URL_A) =>
  verifyQStashSignature({ signature, rawBody, destination, keys });

describe('QStash signatures', () => {
  it('accepts a delivery signed with the current key', async () => {
    expect(await verify(await signQStash({ key: CURRENT_KEY, url: URL_A, body: BODY }))).toBe(true);
  });

  it('accepts a delivery signed with the next key (during a key rotation)', async () => {
    expect(await verify(await signQStash({ key: NEXT_KEY, url: URL_A, body: BODY }))).toBe(true);
  });

  it('refuses a signature made with another key', async () => {
    const forged = await signQStash({
      key: 'sig_attacker_'.padEnd(32, 'x'),
      url: URL_A,
      body: BODY,
    });
    expect(await verify(forged)).toBe(false);
  });

  it('refuses a signature for another URL', async () => {
    const other = await signQStash({
      key: CURRENT_KEY,
      url: 'https://parley.example/api/jobs/assistant-reply',
      body: BODY,
    });
    expect(await verify(other)).toBe(false);
    const otherHost = await signQStash({
      key: CURRENT_KEY,
      url: 'https://evil.example/api/jobs/notify-message',
      body: BODY,
    });
    expect(await verify(otherHost)).toBe(false);
  });

  it('refuses a body changed after signing', async () => {
    const signature = await signQStash({ key: CURRENT_KEY, url: URL_A, body: BODY });
    expect(await verify(signature, BODY.replace('m_1', 'm_2'))).toBe(false);
  });

  it('refuses an expired signature, another issuer, and garbage', async () => {
    const expired = await signQStash({
      key: CURRENT_KEY,
      url: URL_A,
      body: BODY,
      expiresInSeconds: -60,
    });
    expect(await verify(expired)).toBe(false);
    const issuer = await signQStash({
      key: CURRENT_KEY,
      url: URL_A,
      body: BODY,
      issuer: 'Someone',
    });
    expect(await verify(issuer)).toBe(false);
    expect(await verify('not.a.jwt')).toBe(false);
  });

  it('refuses everything when no signing key is configured', async () => {
    const signature = await signQStash({ key: CURRENT_KEY, url: URL_A, body: BODY });
    expect(
      await verifyQStashSignature({
        signature,
        rawBody: BODY,
        destination: URL_A,
        keys: { current: undefined, next: undefined },
      }),
    ).toBe(false);
  });

  it('works with only the current key configured', async () => {
    const signature = await signQStash({ key: CURRENT_KEY, url: URL_A, body: BODY });
    expect(
      await verifyQStashSignature({
        signature,
        rawBody: BODY,
        destination: URL_A,
        keys: { current: CURRENT_KEY, next: undefined },
      }),
    ).toBe(true);
  });
});

describe('verifyJobCaller', () => {
  const caller = (headers: Record<string, string>, destination: string | null = URL_A) =>
    verifyJobCaller({
      headers: new Headers(headers),
      rawBody: BODY,
      destination,
      keys,
      secret: SECRET,
    });

  it('names QStash for a valid signature', async () => {
    const signature = await signQStash({ key: CURRENT_KEY, url: URL_A, body: BODY });
    expect(await caller({ 'upstash-signature': signature })).toBe('qstash');
    // Without a known destination (no NEXTAUTH_URL) nothing QStash sends can be checked.
    expect(await caller({ 'upstash-signature': signature }, null)).toBeNull();
  });

  it('accepts the local secret and refuses a wrong one', async () => {
    expect(await caller({ authorization: `Bearer ${SECRET}` })).toBe('secret');
    expect(await caller({ authorization: `Bearer ${SECRET}x` })).toBeNull();
    expect(await caller({ authorization: `Bearer ${SECRET.slice(0, -1)}` })).toBeNull();
    expect(await caller({ authorization: SECRET })).toBeNull();
  });

  it('refuses a request with neither', async () => {
    expect(await caller({})).toBeNull();
  });

  it('refuses a forged signature even with a wrong secret alongside', async () => {
    const forged = await signQStash({
      key: 'sig_attacker_'.padEnd(32, 'x'),
      url: URL_A,
      body: BODY,
    });
    expect(await caller({ 'upstash-signature': forged, authorization: 'Bearer nope' })).toBeNull();
  });

  it('never accepts a secret when none is configured', () => {
    expect(hasJobsSecret(new Headers({ authorization: 'Bearer ' }), undefined)).toBe(false);
    expect(hasJobsSecret(new Headers({ authorization: 'Bearer anything' }), undefined)).toBe(false);
  });
});
