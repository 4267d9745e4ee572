import { afterEach, describe, expect, it, vi } from 'vitest';

const TOKEN = 'metrics-token-for-tests-0123456789';

async function loadRoute(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  return import('./route');
}

afterEach(() => vi.unstubAllEnvs());

const scrape = (headers: Record<string, string> = {}) =>
  new Request('http://t/api/metrics', { headers });

describe('GET /api/metrics', () => {
  it('serves Prometheus text to a caller with the token', async () => {
    const { GET } = await loadRoute({ METRICS_TOKEN: TOKEN });
    const res = await GET(scrape({ authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    // Process metrics, a Parley counter and the job backlog read from the store at scrape time.
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toContain('# TYPE parley_http_requests_total counter');
    expect(text).toMatch(/^parley_jobs_queued\{state="pending"\} 0$/m);
  });

  it('is 401 without the token or with a wrong one', async () => {
    const { GET } = await loadRoute({ METRICS_TOKEN: TOKEN });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const res = await GET(scrape(headers));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('is 404 in production when no token is configured', async () => {
    const { GET } = await loadRoute({ METRICS_TOKEN: undefined, NODE_ENV: 'production' });
    const res = await GET(scrape({ authorization: 'Bearer anything-at-all-123' }));
    expect(res.status).toBe(404);
  });

  it('serves a development server without a token', async () => {
    const { GET } = await loadRoute({ METRICS_TOKEN: undefined, NODE_ENV: 'development' });
    expect((await GET(scrape())).status).toBe(200);
  });
});
