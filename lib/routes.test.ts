import { describe, expect, it } from 'vitest';

import { HOME_PATH, safeCallbackUrl, safeRedirect } from './routes';

describe('safeCallbackUrl', () => {
  it.each(['/chats', '/chats/c_123?tab=files', '/settings#security'])(
    'keeps the same-origin path %s',
    (value) => {
      expect(safeCallbackUrl(value)).toBe(value);
    },
  );

  // Each of these is another host once a browser reads it as a Location header.
  it.each([
    ['a tab after the first slash', '/\t/evil.test/phish'],
    ['a newline after the first slash', '/\n/evil.test/phish'],
    ['a carriage return after the first slash', '/\r/evil.test/phish'],
    ['two slashes', '//evil.test/phish'],
    ['a backslash', '/\\evil.test/phish'],
    ['slash, tab, backslash', '/\t\\evil.test'],
    ['an absolute URL', 'http://evil.test/phish'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['no leading slash', 'evil.test/phish'],
    ['a leading space', ' //evil.test'],
    ['empty', ''],
  ])('refuses %s', (_, value) => {
    expect(safeCallbackUrl(value)).toBe(HOME_PATH);
  });

  it('refuses null, undefined and a repeated parameter (an array)', () => {
    expect(safeCallbackUrl(['/chats', '//evil.test'])).toBe(HOME_PATH);
    expect(safeCallbackUrl(null)).toBe(HOME_PATH);
    expect(safeCallbackUrl(undefined)).toBe(HOME_PATH);
  });

  // Values that once made the sign-in page answer 500 (a raw newline or non-ASCII in Location).
  it.each([
    ['%0a decoded', '/chats\nSet-Cookie: x=1', '/chatsSet-Cookie:%20x=1'],
    ['%0d decoded', '/chats\r', '/chats'],
    ['an ideographic full stop', '/\u3002evil.test', '/%E3%80%82evil.test'],
    ['encoded slashes stay encoded', '/%2F%2Fevil.test', '/%2F%2Fevil.test'],
    ['an encoded tab stays encoded', '/%09/evil.test', '/%09/evil.test'],
  ])('turns %s into plain ASCII on our origin', (_, value, expected) => {
    const out = safeCallbackUrl(value);
    expect(out).toBe(expected);
    expect(out).toMatch(/^\/[\x21-\x7e]*$/);
    expect(new URL(out, 'https://parley.example').origin).toBe('https://parley.example');
  });
});

describe('safeRedirect (NextAuth redirect callback)', () => {
  const base = 'https://parley.example';
  it('keeps same-origin paths and URLs', () => {
    expect(safeRedirect('/chats/c_1', base)).toBe(`${base}/chats/c_1`);
    expect(safeRedirect(`${base}/settings`, base)).toBe(`${base}/settings`);
  });
  it.each(['http://evil.test/', '/\t/evil.test/phish', '//evil.test', 'not a url', '/\\evil'])(
    'sends %s home',
    (value) => {
      expect(safeRedirect(value, base)).toBe(`${base}${HOME_PATH}`);
    },
  );
});
