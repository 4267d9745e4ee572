import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ApiError, type ErrorCode } from './errors';
import { json, route } from './route';

const bodySchema = z.object({
  name: z.string().min(1, 'Name is required'),
  age: z.number().int().min(0),
});
const echo = route({ body: bodySchema }, ({ body }) => json({ got: body }, 201));

function post(
  body: BodyInit | null,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  return new Request('http://test.local/api/x', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
}

async function errorOf(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; message: string; fields?: Record<string, string> };
  };
  return body.error;
}

describe('route wrapper', () => {
  it('passes a valid body to the handler and tags the response with a request id', async () => {
    const res = await echo(post(JSON.stringify({ name: 'Ana', age: 3 })));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: { name: 'Ana', age: 3 } });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await echo(post('{"name": '));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('bad_request');
  });

  it('answers an empty body with 400', async () => {
    expect((await echo(post(''))).status).toBe(400);
  });

  it('answers a wrong content type with 415', async () => {
    const res = await echo(
      post('name=Ana', { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('unsupported_media_type');
  });

  it('answers a body over 1 MB with 413, by header and by counting a chunked stream', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024), age: 1 });
    expect((await echo(post(big))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await echo(post(stream));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });

  it('answers a schema violation with 422 and one message per field', async () => {
    const res = await echo(post(JSON.stringify({ name: '', age: -1 })));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toMatchObject({ name: 'Name is required', age: expect.any(String) });
  });

  it('answers an invalid query with 400', async () => {
    const list = route(
      { query: z.object({ limit: z.coerce.number().int().min(1).max(100) }) },
      ({ query }) => json(query),
    );
    expect((await list(new Request('http://t/x?limit=5'))).status).toBe(200);
    const res = await list(new Request('http://t/x?limit=abc'));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields).toHaveProperty('limit');
  });

  it('validates route params', async () => {
    const one = route({ params: z.object({ id: z.string().regex(/^c_/) }) }, ({ params }) =>
      json(params),
    );
    expect(
      (await one(new Request('http://t/x'), { params: Promise.resolve({ id: 'c_1' }) })).status,
    ).toBe(200);
    expect(
      (await one(new Request('http://t/x'), { params: Promise.resolve({ id: 'nope' }) })).status,
    ).toBe(400);
  });

  const cases: [ErrorCode, number][] = [
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['rate_limited', 429],
  ];
  it.each(cases)('maps ApiError(%s) to %i with {error: {code, message}}', async (code, status) => {
    const handler = route({}, () => {
      throw new ApiError(code, `because ${code}`);
    });
    const res = await handler(new Request('http://t/x'));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: `because ${code}` } });
  });

  it('sets Retry-After on rate-limit errors', async () => {
    const handler = route({}, () => {
      throw new ApiError('rate_limited', 'Slow down.', { retryAfterSeconds: 7.2 });
    });
    const res = await handler(new Request('http://t/x'));
    expect(res.headers.get('retry-after')).toBe('8');
  });

  it('answers an unexpected error with a generic 500 that leaks no stack or message', async () => {
    const handler = route({}, () => {
      throw new Error('SQLITE_CORRUPT at /srv/secret/path.ts:12');
    });
    const res = await handler(
      new Request('http://t/x', { headers: { 'x-request-id': 'req-abcdef12' } }),
    );
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/SQLITE_CORRUPT|secret|\.ts:|at /);
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: expect.stringContaining('req-abcdef12') },
    });
    expect(res.headers.get('x-request-id')).toBe('req-abcdef12');
  });

  it('ignores an unsafe incoming request id', async () => {
    const res = await route({}, () => json({}))(
      new Request('http://t/x', { headers: { 'x-request-id': '<script>' } }),
    );
    expect(res.headers.get('x-request-id')).not.toBe('<script>');
  });
});
