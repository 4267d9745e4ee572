import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { freePort } from '@/test/partykit';

/** A stand-in PartyKit that answers /health like the real one; the room tests cover the real one. */
async function fakeParty(status: number): Promise<{ host: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    res
      .writeHead(req.url === '/health' ? status : 404, { 'content-type': 'application/json' })
      .end('{}');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { host: `127.0.0.1:${port}`, server };
}

async function loadRoute(partyHost: string) {
  vi.stubEnv('PARTYKIT_HOST', partyHost);
  vi.resetModules();
  return import('./route');
}

let server: Server | undefined;
afterEach(async () => {
  (await import('@/lib/resilience/breakers')).resetBreaker('ai');
  server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

describe('GET /api/health', () => {
  it('is 200 with every check up when the store and PartyKit answer', async () => {
    const party = await fakeParty(200);
    server = party.server;
    const { GET } = await loadRoute(party.host);
    const res = await GET(new Request('http://t/api/health'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      uptime: expect.any(Number),
      checks: { store: { status: 'up' }, realtime: { status: 'up' } },
    });
  });

  it('is 503 and says which dependency is down when PartyKit is unreachable', async () => {
    const { GET } = await loadRoute(`127.0.0.1:${await freePort()}`);
    const res = await GET(new Request('http://t/api/health'));
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe('degraded');
    expect(body.checks.store.status).toBe('up');
    expect(body.checks.realtime).toMatchObject({ status: 'down', error: expect.any(String) });
  });

  it('is 503 when PartyKit answers with an error', async () => {
    const party = await fakeParty(500);
    server = party.server;
    const { GET } = await loadRoute(party.host);
    expect((await GET(new Request('http://t/api/health'))).status).toBe(503);
  });

  it('is 503 when the store is down', async () => {
    const party = await fakeParty(200);
    server = party.server;
    const { GET } = await loadRoute(party.host);
    const { getStore } = await import('@/lib/db');
    vi.spyOn(await getStore(), 'ping').mockRejectedValueOnce(new Error('database is locked'));
    const res = await GET(new Request('http://t/api/health'));
    expect(res.status).toBe(503);
    expect((await res.json()).checks.store).toMatchObject({
      status: 'down',
      error: 'database is locked',
    });
  });

  it('reports the supervisor’s state: realtime down and restarting, with its restarts', async () => {
    const file = path.join(process.env.PARLEY_DATA_DIR!, 'supervisor.json');
    const restarting = {
      status: 'restarting',
      restarts: 2,
      lastRestartAt: '2026-01-01T00:00:00.000Z',
      lastReason: 'not answering its health probe (3 times)',
    };
    writeFileSync(
      file,
      JSON.stringify({
        pid: 1,
        updatedAt: new Date().toISOString(),
        processes: {
          realtime: restarting,
          next: { status: 'up', restarts: 0, lastRestartAt: null, lastReason: null },
        },
      }),
    );
    try {
      const { GET } = await loadRoute(`127.0.0.1:${await freePort()}`);
      const res = await GET(new Request('http://t/api/health'));
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.checks.realtime).toMatchObject({ status: 'down', process: restarting });
      expect(body.processes).toMatchObject({ realtime: restarting, next: { status: 'up' } });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('leaves the supervisor out when there is none (or its file is not what it writes)', async () => {
    const file = path.join(process.env.PARLEY_DATA_DIR!, 'supervisor.json');
    writeFileSync(file, '{"processes": "garbage"');
    try {
      const { GET } = await loadRoute(`127.0.0.1:${await freePort()}`);
      const body = await (await GET(new Request('http://t/api/health'))).json();
      expect(body.processes).toBeUndefined();
      expect(body.checks.realtime.process).toBeUndefined();
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('is 200 "degraded" naming the dependency whose breaker is open, with when it probes again', async () => {
    const party = await fakeParty(200);
    server = party.server;
    const { GET } = await loadRoute(party.host);
    const ok = await (await GET(new Request('http://t/api/health'))).json();
    expect(ok).toMatchObject({
      status: 'ok',
      degradedBy: [],
      breakers: { ai: { status: 'closed' } },
    });

    const { guarded } = await import('@/lib/resilience/breakers');
    for (let i = 0; i < 3; i++)
      await expect(
        guarded('ai', () => Promise.reject(new Error('503 from the provider'))),
      ).rejects.toThrow();
    const res = await GET(new Request('http://t/api/health'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'degraded',
      degradedBy: ['ai'],
      checks: { store: { status: 'up' }, realtime: { status: 'up' } },
      breakers: { ai: { status: 'open', retryAt: expect.any(String) }, push: { status: 'closed' } },
    });
    expect(Date.parse(String(body.breakers.ai.retryAt))).toBeGreaterThan(Date.now());
  });
});

describe('GET /api/health while a free tier is worked around (issue #19)', () => {
  it('is 200 "degraded" and says since when QStash’s quota is out and rate limits are local', async () => {
    const party = await fakeParty(200);
    server = party.server;
    const { GET } = await loadRoute(party.host);
    const { QstashDailyRatelimitError } = await import('@upstash/qstash');
    const { noteQStashFailure, resetQStashQuota } = await import('@/lib/jobs/qstash-quota');
    const { failToMemory, resetRateLimitFallback } = await import('@/lib/cache/fallback');
    const { createMemoryRateLimiter } = await import('@/lib/cache/rate-limit');
    try {
      noteQStashFailure(
        new QstashDailyRatelimitError({ limit: '1000', remaining: '0', reset: null }),
        new Date('2026-12-07T14:05:00Z'),
      );
      const down = createMemoryRateLimiter();
      down.consume = () => Promise.reject(new Error('ERR max daily request limit exceeded'));
      await failToMemory(down, createMemoryRateLimiter()).consume('k', {
        limit: 2,
        windowMs: 1000,
      });

      const res = await GET(new Request('http://t/api/health'));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.status).toBe('degraded');
      expect(body.degradedBy).toEqual(
        expect.arrayContaining(['qstash (fallback)', 'upstash (fallback)']),
      );
      expect(body.fallbacks.qstash.message).toBe(
        'QStash quota exhausted since 2026-12-07 14:05 UTC: jobs run in this process until 2026-12-08 00:00 UTC.',
      );
      expect(body.fallbacks.upstash.message).toMatch(
        /^Upstash unavailable since .* \(ERR max daily request limit exceeded\): rate limits are counted per instance, at half the usual limits\.$/,
      );
    } finally {
      resetQStashQuota();
      resetRateLimitFallback();
    }
  });
});
