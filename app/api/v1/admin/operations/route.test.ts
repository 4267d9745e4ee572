import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { getStore } from '@/lib/db';
import { operationsSchema, testErrorSchema } from '@/lib/operations/wire';
import { errorEvents, startFakeSentry } from '@/test/fake-sentry';
import {
  expectError,
  getRequest,
  jsonRequest,
  sendText,
  signUpUser,
  startDirect,
  uniqueEmail,
  withCookie,
  type TestAccount,
} from '@/test/api';

// ADMIN_EMAILS and SENTRY_DSN are read when lib/env loads: set before the routes are imported.
const ADMIN_EMAIL = vi.hoisted(() => {
  const email = `ops-admin-${Math.random().toString(36).slice(2)}@example.com`;
  process.env.ADMIN_EMAILS = email;
  return email;
});
let ingest: Awaited<ReturnType<typeof startFakeSentry>>;
let admin: TestAccount;
let member: TestAccount;
let routes: {
  GET: (req: Request) => Promise<Response>;
  POST: (req: Request) => Promise<Response>;
};

beforeAll(async () => {
  ingest = await startFakeSentry();
  vi.stubEnv('SENTRY_DSN', ingest.dsn);
  vi.resetModules();
  const { startServerSentry } = await import('@/lib/observability/sentry-server');
  await startServerSentry();
  routes = {
    GET: (await import('./route')).GET,
    POST: (await import('./test-error/route')).POST,
  };
  admin = await signUpUser({ email: ADMIN_EMAIL });
  await (await getStore()).updateUser({ id: admin.user.id, emailVerified: true });
  member = await signUpUser({ email: uniqueEmail('member') });
});
afterAll(async () => {
  delete process.env.ADMIN_EMAILS;
  vi.unstubAllEnvs();
  await ingest.close();
});

const overview = (account: TestAccount) =>
  routes.GET(getRequest('/admin/operations', withCookie(account.cookie)));
const testError = (account: TestAccount) =>
  routes.POST(
    jsonRequest(
      'POST',
      '/admin/operations/test-error',
      {},
      {
        ...withCookie(account.cookie),
        origin: 'http://parley.test',
      },
    ),
  );

describe('GET /api/v1/admin/operations', () => {
  it('gives admins the last hour, 30 days of usage, jobs, breakers and whether Sentry is on', async () => {
    const conversation = await startDirect(admin, member);
    for (const text of ['one', 'two', 'three']) await sendText(admin, conversation.id, text);
    const store = await getStore();
    const { call } = await store.createCall({
      conversationId: conversation.id,
      startedBy: admin.user.id,
      kind: 'audio',
    });
    await store.endCall({ id: call.id, outcome: 'missed' });

    const res = await overview(admin);
    expect(res.status).toBe(200);
    const body = operationsSchema.parse(await res.json());
    expect(body.lastHour).toHaveLength(60);
    // The sends may straddle a minute's end: the last two minutes hold them.
    const lastTwo = body.lastHour.slice(-2).reduce((n, m) => n + m.messages, 0);
    expect(lastTwo).toBeGreaterThanOrEqual(3);
    const today = body.usage.find((d) => d.day === new Date().toISOString().slice(0, 10));
    expect(today?.messages).toBeGreaterThanOrEqual(3);
    expect(today?.people).toBeGreaterThanOrEqual(1);
    expect(today?.calls).toBeGreaterThanOrEqual(1);
    // The backlog is read with the page: the latest minute has a reading.
    expect(body.lastHour.at(-1)!.jobsPending).not.toBeNull();
    expect(body.breakers.ai).toEqual({ status: 'closed', retryAt: null });
    expect(body.sentry.server).toBe(true);
  });

  it('is 403 for someone who is not an admin', async () => {
    await expectError(await overview(member), 403, 'forbidden');
  });
});

describe('POST /api/v1/admin/operations/test-error', () => {
  it('reports a server error to Sentry with the request id and the admin’s id, and says so', async () => {
    const res = await testError(admin);
    expect(res.status).toBe(200);
    const result = testErrorSchema.parse(await res.json());
    expect(result.sentToSentry).toBe(true);
    // No PartyKit in this test (PARTYKIT_HOST is the discard port): the room could not be asked.
    expect(result.roomAsked).toBe(false);
    const Sentry = await import('@sentry/nextjs');
    await Sentry.flush(5000);
    const envelope = await ingest.waitFor((e) =>
      errorEvents(e).some((ev) => JSON.stringify(ev).includes(result.requestId)),
    );
    const event = errorEvents(envelope).find((ev) => JSON.stringify(ev).includes(result.requestId));
    expect(event).toMatchObject({
      tags: { request_id: result.requestId, route: '/api/v1/admin/operations/test-error' },
      user: { id: admin.user.id },
    });
  });

  it('is 403 for a non-admin and rate-limited (5 a minute) for an admin', async () => {
    await expectError(await testError(member), 403, 'forbidden');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await testError(admin)).status);
    expect(statuses).toContain(429);
  });
});
