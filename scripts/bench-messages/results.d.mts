// Types for results.mjs, so its test (TypeScript, allowJs off) can import it. Section figures
// are loose here: their shapes are the other modules' (figures.mjs, capacity.mjs, …).
export const RESULTS_VERSION: number;
export type Run = {
  startedAt: string;
  code: { commit: string; changedFiles: number } | null;
  machine: unknown;
  config: unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sections: Record<string, any>;
};
export type KeyFigures = { startedAt: string; commit: string | null; parts: string[] } & Record<
  string,
  unknown
>;
export type ResultsFile = {
  version: number;
  updatedAt: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  latest: Record<string, any>;
  runs: KeyFigures[];
};
export function keyFigures(run: Run): KeyFigures;
export function mergeResults(previous: unknown, run: Run): ResultsFile;
export function gitInfo(): { commit: string; changedFiles: number } | null;
export function machineInfo(): Record<string, unknown>;
export function saveResults(resultsDir: string, run: Run): { file: string; own: string };
