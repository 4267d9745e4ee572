import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { errorEvents, startFakeSentry } from '@/test/fake-sentry';

let ingest: Awaited<ReturnType<typeof startFakeSentry>>;
beforeAll(async () => {
  ingest = await startFakeSentry();
});
afterAll(() => ingest.close());

describe('server errors reach Sentry, scrubbed', () => {
  it('a 500 from route() arrives with the request id, route pattern and release, and no secrets', async () => {
    vi.stubEnv('SENTRY_DSN', ingest.dsn);
    vi.stubEnv('SENTRY_RELEASE', 'parley@test-release');
    vi.resetModules();
    const { startServerSentry } = await import('./sentry-server');
    expect(await startServerSentry()).toBe(true);
    const { route } = await import('@/lib/api/route');

    // Built at run time: Sentry also sends the source lines around each frame, and a literal
    // here would show up in those (source code, not data).
    const plan = ['the', 'secret', 'plan'].join(' ');
    const handler = route({}, () => {
      throw new Error('store exploded for ana@example.com with plk_abcdefghijklmnop1234');
    });
    const res = await handler(
      new Request('http://t/api/v1/conversations/c_77/messages', {
        method: 'POST',
        headers: {
          cookie: 'next-auth.session-token=eyJhbGciOiJIUzI1NiJ9.eyJzIjoxfQ.sig',
          'x-request-id': 'req-12345678',
        },
        body: JSON.stringify({ body: plan }),
      }),
      { params: Promise.resolve({ id: 'c_77' }) },
    );
    expect(res.status).toBe(500);
    const Sentry = await import('@sentry/nextjs');
    await Sentry.flush(5000);

    const envelope = await ingest.waitFor((e) => errorEvents(e).length > 0);
    const [event] = errorEvents(envelope);
    expect(event).toMatchObject({
      release: 'parley@test-release',
      environment: 'development',
      tags: {
        request_id: 'req-12345678',
        route: '/api/v1/conversations/[id]/messages',
        method: 'POST',
      },
    });
    const text = JSON.stringify(envelope);
    expect(text).toContain('store exploded for [email] with [token]');
    for (const secret of ['ana@example.com', 'plk_abcdefghijklmnop1234', 'eyJhbGci', plan]) {
      expect(text).not.toContain(secret);
    }
  });

  it('an authenticated request’s error names the person by id (never email) and carries its trace id', async () => {
    // Sentry was started by the test above (its client is process-wide).
    const { signUpUser, createApiToken, bearer, jsonRequest } = await import('@/test/api');
    const { defineEndpoint } = await import('@/lib/api/endpoint');
    const { handle } = await import('@/lib/api/handle');
    const { z } = await import('zod');
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const endpoint = defineEndpoint({
      operationId: 'testExplode',
      method: 'POST',
      path: '/api/v1/test/explode',
      tag: 'Test',
      summary: 'Throws',
      auth: 'session-or-token',
      responses: { 204: { description: 'Never', schema: z.object({}) } },
    });
    const POST = handle(endpoint, () => {
      throw new Error('boom for the signed-in person');
    });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await POST(
      jsonRequest(
        'POST',
        '/test/explode',
        {},
        {
          ...bearer(token),
          traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        },
      ),
    );
    expect(res.status).toBe(500);
    const Sentry = await import('@sentry/nextjs');
    await Sentry.flush(5000);
    const envelope = await ingest.waitFor((e) =>
      errorEvents(e).some((ev) => JSON.stringify(ev).includes('boom for the signed-in person')),
    );
    const event = errorEvents(envelope).find((ev) =>
      JSON.stringify(ev).includes('boom for the signed-in person'),
    );
    expect(event).toMatchObject({
      user: { id: account.user.id },
      tags: { trace_id: traceId, route: '/api/v1/test/explode' },
    });
    expect((event as { user: object }).user).toEqual({ id: account.user.id });
    expect(JSON.stringify(envelope)).not.toContain(account.email);
  });
});
