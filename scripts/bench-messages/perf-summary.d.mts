// Types for perf-summary.mjs, so its test (TypeScript, allowJs off) can import it.
import type { ProfileRow } from './profile-summary.mjs';

export type PerfRow = { percent: number; dso: string; sym: string };
export function parsePerfReport(text: string): PerfRow[];
export function busyMsOf(text: string): number | null;
export function componentOf(dso: string, sym: string): string;
export function summarizePerf(
  rows: PerfRow[],
  wallMs: number,
  options?: { busyMs?: number | null; top?: number },
): {
  wallMs: number;
  busyMs: number | null;
  coveredPercent: number;
  groupedBy: 'component';
  topFunctions: ProfileRow[];
  topFiles: ProfileRow[];
};
