import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { bearer, createApiToken, jsonRequest, signUpUser } from '@/test/api';

import { defineEndpoint, endpointErrors } from './endpoint';
import { ApiError } from './errors';
import { handle } from './handle';
import { json } from './route';

const echoEndpoint = defineEndpoint({
  operationId: 'testEcho',
  method: 'POST',
  path: '/api/v1/test/{id}',
  tag: 'Test',
  summary: 'Echo',
  auth: 'session-or-token',
  params: z.object({ id: z.string().max(8) }),
  body: z.object({ n: z.number() }),
  responses: {
    201: { description: 'Echoed', schema: z.object({ id: z.string(), n: z.number() }) },
  },
  rateLimit: { name: 'test:echo', rule: { limit: 2, windowMs: 60_000 }, what: 'echoes' },
  errors: { conflict: 'When n is 409' },
});

const publicEndpoint = defineEndpoint({
  operationId: 'testPublic',
  method: 'GET',
  path: '/api/v1/test',
  tag: 'Test',
  summary: 'Public',
  auth: 'none',
  responses: { 200: { description: 'OK', schema: z.object({ ok: z.literal(true) }) } },
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (headers: Record<string, string>, body: unknown, id = 'a') =>
  [jsonRequest('POST', `/test/${id}`, body, headers), params(id)] as const;

describe('handle(endpoint, handler)', () => {
  it('parses params and body with the descriptor, passes the caller, and keeps the answer', async () => {
    const { token } = await createApiToken((await signUpUser()).cookie);
    const POST = handle(echoEndpoint, ({ user, params, body }) => {
      expect(user.id).toMatch(/^u_/);
      return json({ id: params.id, n: body.n }, 201);
    });
    const res = await POST(...post(bearer(token), { n: 3 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'a', n: 3 });
    expect(POST.endpoint).toBe(echoEndpoint);
  });

  it('answers 401 without credentials, 400 for bad params, 422 for a bad body, 429 past the limit', async () => {
    const { token } = await createApiToken((await signUpUser()).cookie);
    const POST = handle(echoEndpoint, ({ body }) => json({ id: 'a', n: body.n }, 201));
    expect((await POST(...post({}, { n: 1 }))).status).toBe(401);
    expect((await POST(...post(bearer(token), { n: 1 }, 'x'.repeat(9)))).status).toBe(400);
    expect((await POST(...post(bearer(token), { n: 'one' }))).status).toBe(422);
    expect((await POST(...post(bearer(token), { n: 1 }))).status).toBe(201);
    expect((await POST(...post(bearer(token), { n: 1 }))).status).toBe(201);
    expect((await POST(...post(bearer(token), { n: 1 }))).status).toBe(429);
  });

  it('runs public endpoints without asking who is calling', async () => {
    const GET = handle(publicEndpoint, () => json({ ok: true }));
    const res = await GET(new Request('http://t/api/v1/test'));
    expect(res.status).toBe(200);
  });

  it('passes declared domain errors through', async () => {
    const { token } = await createApiToken((await signUpUser()).cookie);
    const POST = handle(echoEndpoint, () => {
      throw new ApiError('conflict', 'Taken.');
    });
    const res = await POST(...post(bearer(token), { n: 409 }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'conflict', message: 'Taken.' } });
  });
});

describe('answers held to their descriptor (outside production)', () => {
  const drift = async (res: Response, what: RegExp) => {
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(what);
  };

  it('refuses an undeclared error code', async () => {
    const GET = handle(publicEndpoint, () => {
      throw new ApiError('forbidden', 'No.');
    });
    await drift(
      await GET(new Request('http://t/api/v1/test')),
      /forbidden \(403\) is not declared/,
    );
  });

  it('refuses an undeclared success status', async () => {
    const GET = handle(publicEndpoint, () => json({ ok: true }, 201));
    await drift(await GET(new Request('http://t/api/v1/test')), /status 201 is not declared/);
  });

  it('refuses a body its response schema does not accept', async () => {
    const GET = handle(publicEndpoint, () => json({ ok: 'yes' }));
    await drift(await GET(new Request('http://t/api/v1/test')), /ok: /);
  });
});

describe('endpointErrors', () => {
  it('derives errors from the shape and adds the declared ones', () => {
    expect(endpointErrors(echoEndpoint).map((e) => e.code)).toEqual([
      'bad_request',
      'unauthorized',
      'not_found',
      'payload_too_large',
      'unsupported_media_type',
      'validation_failed',
      'rate_limited',
      'conflict',
    ]);
    expect(endpointErrors(publicEndpoint)).toEqual([]);
  });
});
