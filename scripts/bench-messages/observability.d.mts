// Types for observability.mjs, so its test (TypeScript, allowJs off) can import it.
export const MODES: ['on', 'off'];
export function overheadPercent(on: number | null, off: number | null): number | null;
export function roundOrder(i: number): ['on', 'off'] | ['off', 'on'];
export function compareObservability(
  startServer: (mode: 'on' | 'off') => Promise<unknown>,
  config: object,
  runId: string,
): Promise<unknown>;
