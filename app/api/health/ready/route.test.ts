import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { freePort } from '@/test/partykit';

/** A stand-in PartyKit answering /health with the given status. */
async function fakeParty(status: number): Promise<{ host: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/health' ? status : 404).end('{}');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { host: `127.0.0.1:${port}`, server };
}

async function loadRoutes(partyHost: string) {
  vi.stubEnv('PARTYKIT_HOST', partyHost);
  vi.resetModules();
  return { ready: await import('./route'), live: await import('../live/route') };
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('GET /api/health/ready', () => {
  it('is 200 when the store and PartyKit answer', async () => {
    const party = await fakeParty(200);
    server = party.server;
    const { ready } = await loadRoutes(party.host);
    const res = await ready.GET(new Request('http://t/api/health/ready'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { store: 'up', realtime: 'up' },
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('is 503 when PartyKit is unreachable', async () => {
    const { ready } = await loadRoutes(`127.0.0.1:${await freePort()}`);
    const res = await ready.GET(new Request('http://t/api/health/ready'));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'not_ready',
      checks: { store: 'up', realtime: 'down' },
    });
  });

  it('is 503 when the store is down, without leaking the error text', async () => {
    const party = await fakeParty(200);
    server = party.server;
    const { ready } = await loadRoutes(party.host);
    const { getStore } = await import('@/lib/db');
    vi.spyOn(await getStore(), 'ping').mockRejectedValueOnce(
      new Error('secret-host:27017 refused'),
    );
    const res = await ready.GET(new Request('http://t/api/health/ready'));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ checks: { store: 'down', realtime: 'up' } });
    expect(text).not.toContain('secret-host');
  });
});

describe('GET /api/health/live', () => {
  it('is 200 even when every dependency is down (the process answers)', async () => {
    const { live } = await loadRoutes(`127.0.0.1:${await freePort()}`);
    const { getStore } = await import('@/lib/db');
    const ping = vi.spyOn(await getStore(), 'ping').mockRejectedValue(new Error('down'));
    const res = await live.GET(new Request('http://t/api/health/live'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', uptime: expect.any(Number) });
    expect(ping).not.toHaveBeenCalled();
  });
});
