import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';

import { guardNextAuth } from './nextauth-guard';

const ctx = { params: Promise.resolve({ nextauth: ['signout'] }) };
const post = (path: string, body: string, type = 'application/json') =>
  new NextRequest(`http://parley.test/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

function guarded() {
  const inner = vi.fn(async (req: NextRequest) => Response.json({ got: await req.text() }));
  return { inner, handler: guardNextAuth(inner) };
}

async function expectBadRequest(res: Response) {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('bad_request');
  expect(body.error.message).toEqual(expect.any(String));
}

describe('guardNextAuth', () => {
  it.each([
    ['signout', '{"csrfToken":'],
    ['callback/credentials', 'not json at all'],
    ['signout', '{"a":'.repeat(1000)],
  ])(
    'answers invalid JSON to /api/auth/%s with a JSON 400, never reaching NextAuth',
    async (path, body) => {
      const { inner, handler } = guarded();
      await expectBadRequest(await handler(post(path, body), ctx));
      expect(inner).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['an array', '[1,2]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['a number field', '{"callbackUrl":42}'],
    ['a nested field', '{"email":{"$gt":""}}'],
  ])('answers a JSON body that is %s with a 400', async (_, body) => {
    const { inner, handler } = guarded();
    await expectBadRequest(await handler(post('callback/credentials', body), ctx));
    expect(inner).not.toHaveBeenCalled();
  });

  it.each(['/chats\n', '/chats\r\nSet-Cookie: x=1', '//evil\u3002test', '/a\u0000b'])(
    'answers a callbackUrl with control or non-ASCII characters (%j) with a 400',
    async (callbackUrl) => {
      const { inner, handler } = guarded();
      const inQuery = new NextRequest(
        `http://parley.test/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      );
      await expectBadRequest(await handler(inQuery, ctx));
      const inForm = post(
        'signin/github',
        new URLSearchParams({ callbackUrl }).toString(),
        'application/x-www-form-urlencoded',
      );
      await expectBadRequest(await handler(inForm, ctx));
      expect(inner).not.toHaveBeenCalled();
    },
  );

  it.each(['%0a', '%0d', '%E3%80%82'])(
    'answers ?callbackUrl=/chats%s as sent by an attacker with a 400',
    async (escape) => {
      const { inner, handler } = guarded();
      const url = `http://parley.test/api/auth/signin/github?callbackUrl=/chats${escape}`;
      await expectBadRequest(await handler(new NextRequest(url), ctx));
      expect(inner).not.toHaveBeenCalled();
    },
  );

  it('answers a body over 16 KB with a 413', async () => {
    const { handler } = guarded();
    const res = await handler(post('signout', JSON.stringify({ a: 'x'.repeat(20_000) })), ctx);
    expect(res.status).toBe(413);
  });

  it('hands a well-formed request to NextAuth with its body intact', async () => {
    const { inner, handler } = guarded();
    const body = new URLSearchParams({ csrfToken: 't', callbackUrl: '/chats' }).toString();
    const res = await handler(post('signout', body, 'application/x-www-form-urlencoded'), ctx);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: body });
    const json = await handler(post('signout', '{"csrfToken":"t","json":"true"}'), ctx);
    expect(await json.json()).toEqual({ got: '{"csrfToken":"t","json":"true"}' });
    expect(inner).toHaveBeenCalledTimes(2);
  });

  it('turns an error NextAuth throws into the API’s JSON 500 with a request id', async () => {
    const handler = guardNextAuth(() => Promise.reject(new TypeError('argument val is invalid')));
    const res = await handler(new NextRequest('http://parley.test/api/auth/session'), ctx);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
