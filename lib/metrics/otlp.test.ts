import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startStandIn, type StandIn } from '@/test/http-stand-in';

import { httpDuration, httpRequests } from './metrics';
import { encodeOtlp, parseOtlpHeaders, pushMetricsOnce, startOtlpPush } from './otlp';

/** A local OTLP/HTTP receiver: keeps each JSON body posted to /v1/metrics with its headers. */
let receiver: StandIn;
let endpoint = '';
const received: { headers: Record<string, unknown>; body: OtlpBody }[] = [];
type Point = Record<string, unknown> & {
  attributes: { key: string; value: { stringValue: string } }[];
};
type OtlpMetric = {
  name: string;
  sum?: { isMonotonic: boolean; aggregationTemporality: number; dataPoints: Point[] };
  gauge?: { dataPoints: Point[] };
  histogram?: { dataPoints: Point[] };
};
type OtlpBody = {
  resourceMetrics: {
    resource: { attributes: unknown[] };
    scopeMetrics: { metrics: OtlpMetric[] }[];
  }[];
};

beforeAll(async () => {
  receiver = await startStandIn((req) => {
    if (req.path !== '/otlp/v1/metrics' || req.headers['content-type'] !== 'application/json')
      return { status: 404, text: '' };
    received.push({ headers: req.headers, body: JSON.parse(req.body) as OtlpBody });
    return { status: 200, json: {} };
  });
  endpoint = `${receiver.url}/otlp`;
});
afterAll(() => receiver.close());

const store = { countJobs: async () => 3, oldestDueRunAt: async () => null };
const metricsOf = (body: OtlpBody) => body.resourceMetrics[0]!.scopeMetrics[0]!.metrics;
const attr = (p: Point, key: string) => p.attributes.find((a) => a.key === key)?.value.stringValue;

describe('OTLP push', () => {
  it('pushes counters, gauges and histograms with their labels to <endpoint>/v1/metrics', async () => {
    const labels = { route: '/api/otlp-test', method: 'GET' };
    httpRequests.inc({ ...labels, status_class: '2xx' }, 2);
    httpDuration.observe(labels, 0.03);
    httpDuration.observe(labels, 0.7);
    httpDuration.observe(labels, 100);

    expect(
      await pushMetricsOnce({ endpoint, headers: { authorization: 'Basic abc' }, store }),
    ).toBe(true);
    const { headers, body } = received.at(-1)!;
    expect(headers.authorization).toBe('Basic abc');
    const metrics = metricsOf(body);

    const requests = metrics.find((m) => m.name === 'parley_http_requests_total')!;
    expect(requests.sum).toMatchObject({ isMonotonic: true, aggregationTemporality: 2 });
    const point = requests.sum!.dataPoints.find((p) => attr(p, 'route') === '/api/otlp-test')!;
    expect(point.asDouble).toBe(2);

    const queued = metrics.find((m) => m.name === 'parley_jobs_queued')!;
    expect(queued.gauge!.dataPoints.find((p) => attr(p, 'state') === 'pending')?.asDouble).toBe(3);

    const duration = metrics.find((m) => m.name === 'parley_http_request_duration_seconds')!;
    const hp = duration.histogram!.dataPoints.find((p) => attr(p, 'route') === '/api/otlp-test')!;
    expect(hp.count).toBe('3');
    expect(hp.sum).toBeCloseTo(100.73);
    const counts = (hp.bucketCounts as string[]).map(Number);
    const bounds = hp.explicitBounds as number[];
    // One more count than bounds (+Inf), per bucket not cumulative, adding up to the count.
    expect(counts).toHaveLength(bounds.length + 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(counts.at(-1)).toBe(1); // 100 s is past the largest bound
    expect(hp.attributes.some((a) => a.key === 'le')).toBe(false);
  });

  it('pushes periodically once started, and not at all without an endpoint', async () => {
    const before = received.length;
    expect(startOtlpPush({ store: async () => store, endpoint: undefined })).toBeTypeOf('function');
    const stop = startOtlpPush({ store: async () => store, endpoint, headers: {}, intervalMs: 50 });
    await new Promise((r) => setTimeout(r, 400));
    stop();
    expect(received.length - before).toBeGreaterThanOrEqual(2);
  });

  it('answers false (and logs) when the receiver refuses or is not there', async () => {
    expect(await pushMetricsOnce({ endpoint: `${endpoint}/missing`, store })).toBe(false);
    expect(await pushMetricsOnce({ endpoint: 'http://127.0.0.1:9', store })).toBe(false);
  });

  it('reads OTEL_EXPORTER_OTLP_HEADERS and encodes an empty registry', () => {
    expect(parseOtlpHeaders('Authorization=Basic%20eHk=,x-scope=parley, bad')).toEqual({
      Authorization: 'Basic eHk=',
      'x-scope': 'parley',
    });
    expect(
      encodeOtlp([], { startMs: 0, nowMs: 1 }).resourceMetrics[0]!.scopeMetrics[0]!.metrics,
    ).toEqual([]);
  });
});
