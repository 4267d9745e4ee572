// Types for stats.mjs, so TypeScript tests (allowJs off) can import it.
export type Summary = {
  count: number;
  min: number | null;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
};
export function percentile(sorted: ArrayLike<number>, p: number): number;
export function summarize(values: Iterable<number>): Summary;
export function formatSummary(s: Summary): string;
