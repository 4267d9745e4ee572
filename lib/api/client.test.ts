import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { ApiClientError, callEndpoint, readAnswer } from './client';
import { defineEndpoint } from './endpoint';

const endpoint = defineEndpoint({
  operationId: 'testSend',
  method: 'POST',
  path: '/api/v1/things/{id}/parts/{part}',
  tag: 'Test',
  summary: 'Test',
  auth: 'session-or-token',
  params: z.object({ id: z.string(), part: z.string() }),
  query: z.object({ after: z.coerce.number().optional(), limit: z.coerce.number().default(5) }),
  body: z.object({ text: z.string() }),
  responses: {
    201: { description: 'Created', schema: z.object({ thing: z.object({ id: z.string() }) }) },
  },
});

type Sent = { url: string; init: RequestInit };
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      sent.push({ url, init });
      return Promise.resolve(Response.json(body, { status, headers }));
    }),
  );
  return sent;
}

const call = () =>
  callEndpoint(endpoint, {
    params: { id: 'a/b', part: '🙂' },
    query: { after: undefined, limit: 10 },
    body: { text: 'hi' },
  });

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiClientError);
  return error as ApiClientError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('callEndpoint', () => {
  it('builds the URL from the descriptor, sends JSON and answers the parsed body', async () => {
    const sent = answer(201, { thing: { id: 't_1' }, extra: 'dropped' });
    expect(await call()).toEqual({ thing: { id: 't_1' } });
    expect(sent[0]?.url).toBe('/api/v1/things/a%2Fb/parts/%F0%9F%99%82?limit=10');
    expect(sent[0]?.init).toMatchObject({
      method: 'POST',
      body: '{"text":"hi"}',
      headers: {
        'content-type': 'application/json',
        traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
      },
    });
    // A new trace per call: two calls never share a trace id.
    await call();
    const traceOf = (s: Sent) => (s.init.headers as Record<string, string>).traceparent ?? '';
    expect(traceOf(sent[1]!).slice(3, 35)).not.toBe(traceOf(sent[0]!).slice(3, 35));
  });

  it('refuses an answer its schema does not accept (bad_response), even with a 2xx', async () => {
    answer(201, { thing: { id: 7 } });
    expect((await failure(call())).code).toBe('bad_response');
    answer(200, { thing: { id: 't_1' } });
    expect((await failure(call())).code).toBe('bad_response');
  });

  it('turns the server’s error body into one error with code, message, fields and Retry-After', async () => {
    answer(
      429,
      { error: { code: 'rate_limited', message: 'Too many.', fields: { text: 'x' } } },
      { 'retry-after': '7' },
    );
    const error = await failure(call());
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Too many.',
      fields: { text: 'x' },
      retryAfterSeconds: 7,
    });
  });

  it('says network when the request never got an answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect((await failure(call())).code).toBe('network');
  });
});

describe('readAnswer', () => {
  it('maps an unknown error body to code unknown', () => {
    expect(() => readAnswer(endpoint, { status: 502, body: '<html>' })).toThrow(
      expect.objectContaining({ code: 'unknown', status: 502 }),
    );
  });
});
