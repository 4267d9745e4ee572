import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startStandIn, type StandIn } from '@/test/http-stand-in';

import { roomRequest } from './room-http';

let server: StandIn;
let base = '';
const peers: (number | undefined)[] = [];

beforeAll(async () => {
  server = await startStandIn((req) => {
    peers.push(req.remotePort);
    if (req.path === '/never') return 'hold';
    return {
      status: req.path === '/refuse' ? 403 : 200,
      json: { method: req.method, body: req.body },
    };
  });
  base = server.url;
});
afterAll(() => server.close());

const post = (path: string, body = '{"a":"é"}', timeoutMs = 2000) =>
  roomRequest(`${base}${path}`, { method: 'POST', headers: {}, body, timeoutMs });

describe('roomRequest', () => {
  it('sends the body (with its byte length) and reads the whole answer', async () => {
    const res = await post('/x');
    expect(res).toMatchObject({ status: 200, ok: true });
    expect(JSON.parse(res.text)).toEqual({ method: 'POST', body: '{"a":"é"}' });
  });

  it('says when the room refused', async () => {
    expect(await post('/refuse')).toMatchObject({ status: 403, ok: false });
  });

  it('keeps the connection for the next request', async () => {
    peers.length = 0;
    await post('/x');
    await post('/x');
    await roomRequest(`${base}/x`, { method: 'GET', headers: {}, timeoutMs: 2000 });
    expect(new Set(peers).size).toBe(1);
  });

  it('gives up after the timeout, and on a refused connection', async () => {
    const started = Date.now();
    await expect(post('/never', '{}', 150)).rejects.toThrow(/no answer .* in 150 ms/);
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(
      roomRequest('http://127.0.0.1:9/x', { method: 'GET', headers: {}, timeoutMs: 2000 }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
