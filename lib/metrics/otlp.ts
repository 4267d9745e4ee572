import 'server-only';

import pkg from '@/package.json';
import type { Store } from '@/lib/db/store';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

import { refreshStateGauges } from './collect';
import { metricsRegistry } from './registry';

/**
 * The Prometheus registry pushed over OTLP/HTTP as JSON, for deployments a Prometheus cannot
 * scrape (Vercel's short-lived functions; Grafana Cloud's free tier takes OTLP). A small encoder
 * rather than the OpenTelemetry SDK: the metrics already live in prom-client (the scrape path),
 * and a second metrics SDK would mean recording everything twice. Counters become cumulative
 * monotonic sums, gauges gauges, histograms explicit-bucket histograms; names and labels are the
 * Prometheus ones, so dashboards and alerts read the same series either way.
 */

type Attribute = { key: string; value: { stringValue: string } };
type PromValue = { value: number; labels: Record<string, string | number>; metricName?: string };
type PromMetric = { name: string; help: string; type: unknown; values: PromValue[] };

const attributes = (labels: Record<string, string | number>, skip?: string): Attribute[] =>
  Object.entries(labels)
    .filter(([key]) => key !== skip)
    .map(([key, value]) => ({ key, value: { stringValue: String(value) } }));

const labelKey = (labels: Record<string, string | number>) =>
  JSON.stringify(
    Object.entries(labels)
      .filter(([k]) => k !== 'le')
      .sort(([a], [b]) => a.localeCompare(b)),
  );

function histogramPoints(metric: PromMetric, start: string, time: string) {
  const series = new Map<
    string,
    {
      labels: Record<string, string | number>;
      buckets: { le: number; count: number }[];
      sum: number;
      count: number;
    }
  >();
  for (const v of metric.values) {
    const key = labelKey(v.labels);
    let s = series.get(key);
    if (!s) {
      s = { labels: v.labels, buckets: [], sum: 0, count: 0 };
      series.set(key, s);
    }
    if (v.metricName?.endsWith('_bucket')) {
      const le = v.labels.le === '+Inf' ? Infinity : Number(v.labels.le);
      s.buckets.push({ le, count: v.value });
    } else if (v.metricName?.endsWith('_sum')) s.sum = v.value;
    else if (v.metricName?.endsWith('_count')) s.count = v.value;
  }
  return [...series.values()].map((s) => {
    const sorted = s.buckets.sort((a, b) => a.le - b.le);
    const finite = sorted.filter((b) => Number.isFinite(b.le));
    // Prometheus buckets are cumulative; OTLP counts each bucket on its own (+Inf last).
    const counts = finite.map((b, i) => b.count - (i > 0 ? finite[i - 1]!.count : 0));
    counts.push(s.count - (finite.at(-1)?.count ?? 0));
    return {
      attributes: attributes(s.labels, 'le'),
      startTimeUnixNano: start,
      timeUnixNano: time,
      count: String(s.count),
      sum: s.sum,
      bucketCounts: counts.map(String),
      explicitBounds: finite.map((b) => b.le),
    };
  });
}

/** An OTLP ExportMetricsServiceRequest (JSON encoding) for the given prom-client metrics. */
export function encodeOtlp(
  metrics: PromMetric[],
  opts: { startMs: number; nowMs: number; service?: string; version?: string },
) {
  const ns = (ms: number) => (BigInt(Math.round(ms)) * 1_000_000n).toString();
  const start = ns(opts.startMs);
  const time = ns(opts.nowMs);
  const encoded = metrics.flatMap((metric): Record<string, unknown>[] => {
    const base = { name: metric.name, description: metric.help };
    const type = String(metric.type);
    if (type === 'counter')
      return [
        {
          ...base,
          sum: {
            aggregationTemporality: 2, // cumulative
            isMonotonic: true,
            dataPoints: metric.values.map((v) => ({
              attributes: attributes(v.labels),
              startTimeUnixNano: start,
              timeUnixNano: time,
              asDouble: v.value,
            })),
          },
        },
      ];
    if (type === 'gauge')
      return [
        {
          ...base,
          gauge: {
            dataPoints: metric.values.map((v) => ({
              attributes: attributes(v.labels),
              timeUnixNano: time,
              asDouble: v.value,
            })),
          },
        },
      ];
    if (type === 'histogram')
      return [
        {
          ...base,
          histogram: {
            aggregationTemporality: 2,
            dataPoints: histogramPoints(metric, start, time),
          },
        },
      ];
    return []; // summaries: none of Parley's own metrics are summaries
  });
  return {
    resourceMetrics: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: opts.service ?? 'parley' } },
            { key: 'service.version', value: { stringValue: opts.version ?? pkg.version } },
          ],
        },
        scopeMetrics: [{ scope: { name: 'parley', version: pkg.version }, metrics: encoded }],
      },
    ],
  };
}

/** `k=v,k2=v2` (OTEL_EXPORTER_OTLP_HEADERS) as headers; values may be URL-encoded. */
export function parseOtlpHeaders(raw: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const part of (raw ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    headers[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return headers;
}

const started = Date.now();

/** Pushes the registry once; true when the receiver took it (2xx). Never throws. */
export async function pushMetricsOnce(opts: {
  endpoint: string;
  headers?: Record<string, string>;
  store: Pick<Store, 'countJobs' | 'oldestDueRunAt'>;
}): Promise<boolean> {
  try {
    await refreshStateGauges({ store: opts.store });
    const metrics = (await metricsRegistry().getMetricsAsJSON()) as unknown as PromMetric[];
    const body = encodeOtlp(metrics, { startMs: started, nowMs: Date.now() });
    const res = await fetch(`${opts.endpoint.replace(/\/+$/, '')}/v1/metrics`, {
      method: 'POST',
      headers: { ...opts.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`OTLP receiver answered ${res.status}`);
    return true;
  } catch (err) {
    log.warn({ err }, 'OTLP metrics push failed; the next one carries the same cumulative values');
    return false;
  }
}

const slot = globalThis as unknown as { __parleyOtlpTimer?: ReturnType<typeof setInterval> };

/**
 * Pushes every `intervalMs` while the process lives, when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (instrumentation.ts). Values are cumulative, so a push that fails loses nothing.
 */
export function startOtlpPush(opts: {
  store: () => Promise<Pick<Store, 'countJobs' | 'oldestDueRunAt'>>;
  endpoint?: string;
  headers?: Record<string, string>;
  intervalMs?: number;
}): () => void {
  const endpoint = opts.endpoint ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return () => {};
  const headers = opts.headers ?? parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS);
  if (slot.__parleyOtlpTimer) clearInterval(slot.__parleyOtlpTimer);
  const timer = setInterval(() => {
    void opts.store().then((store) => pushMetricsOnce({ endpoint, headers, store }));
  }, opts.intervalMs ?? env.OTEL_METRIC_EXPORT_INTERVAL);
  timer.unref?.();
  slot.__parleyOtlpTimer = timer;
  return () => clearInterval(timer);
}
