// Latency summaries for the benchmarks: nearest-rank percentiles over a list of milliseconds.

/** The p-th percentile (0–100) of an ascending array, nearest-rank; NaN for an empty one. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const round = (ms) => (Number.isFinite(ms) ? Math.round(ms * 1000) / 1000 : null);

/** { count, min, mean, p50, p95, p99, max } in ms, rounded to the microsecond. */
export function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    min: round(sorted[0] ?? Number.NaN),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** "p50 1.23 · p95 4.56 · p99 7.89 · max 12.3 ms (n=500)" */
export function formatSummary(s) {
  const f = (v) =>
    v === null ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  return `p50 ${f(s.p50)} · p95 ${f(s.p95)} · p99 ${f(s.p99)} · max ${f(s.max)} ms (n=${s.count})`;
}
