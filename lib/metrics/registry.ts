import 'server-only';

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per server process, kept on globalThis so `next dev` hot reloads and
 * the several bundles Next.js builds (routes, instrumentation) share it instead of registering
 * the same names twice (prom-client throws on that) or splitting the counts.
 */
const holder = globalThis as unknown as { __parleyMetrics?: Registry };

export function metricsRegistry(): Registry {
  if (!holder.__parleyMetrics) {
    const registry = new Registry();
    // Node process metrics under their conventional names (process_*, nodejs_*), as dashboards expect.
    collectDefaultMetrics({ register: registry });
    holder.__parleyMetrics = registry;
  }
  return holder.__parleyMetrics;
}

type Labels<L extends string> = readonly L[];

/** A counter registered once per process (a second call returns the first). */
export function counter<L extends string>(name: string, help: string, labelNames: Labels<L> = []) {
  const registry = metricsRegistry();
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: Labels<L> = [],
  buckets: number[] = LATENCY_BUCKETS,
) {
  const registry = metricsRegistry();
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Histogram<L>;
  return new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
}

export function gauge<L extends string>(
  name: string,
  help: string,
  labelNames: Labels<L> = [],
  collect?: (this: Gauge<L>) => void | Promise<void>,
) {
  const registry = metricsRegistry();
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Gauge<L>;
  return new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    ...(collect ? { collect } : {}),
  });
}

/** Seconds: 5 ms to 10 s, enough resolution around the 50 ms and 500 ms targets. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
