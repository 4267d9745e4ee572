import { describe, expect, it } from 'vitest';

import { ApiError } from './errors';
import { assertSameOrigin, hasBearer } from './same-origin';

const request = (method: string, headers: Record<string, string>) =>
  new Request('http://parley.test/api/v1/me', { method, headers });

function refusal(req: Request): ApiError | null {
  try {
    assertSameOrigin(req);
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe('assertSameOrigin', () => {
  it.each([
    ['another site', { origin: 'http://evil.test' }],
    ['the same host on another port (same-site)', { origin: 'http://parley.test:8080' }],
    ['the same host over another scheme', { origin: 'https://parley.test' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch without Origin', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a write from %s (403 cross_origin)', (_, headers) => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const error = refusal(request(method, headers));
      expect(error?.status).toBe(403);
      expect(error?.code).toBe('cross_origin');
    }
  });

  it.each([
    ['its own origin', { origin: 'http://parley.test' }],
    [
      'its Host header’s origin',
      { origin: 'http://preview.parley.test', host: 'preview.parley.test' },
    ],
    ['a same-origin fetch without Origin', { 'sec-fetch-site': 'same-origin' }],
    ['a typed address (Sec-Fetch-Site: none)', { 'sec-fetch-site': 'none' }],
    ['a client that is not a browser page (neither header)', {}],
  ])('lets a write from %s through', (_, headers) => {
    expect(refusal(request('POST', headers))).toBeNull();
  });

  it('lets reads from anywhere through (they change nothing)', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(refusal(request(method, { origin: 'http://evil.test' }))).toBeNull();
  });
});

describe('hasBearer', () => {
  it('recognises the scheme in any case, and nothing else', () => {
    expect(hasBearer(new Headers({ authorization: 'Bearer x' }))).toBe(true);
    expect(hasBearer(new Headers({ authorization: 'bearer x' }))).toBe(true);
    expect(hasBearer(new Headers({ authorization: 'Basic x' }))).toBe(false);
    expect(hasBearer(new Headers())).toBe(false);
  });
});
