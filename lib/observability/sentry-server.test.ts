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
});
