// Types for systems.mjs, so its test (TypeScript, allowJs off) can import it.
import type { WindowFigures } from './figures.mjs';

export type System = { name: string; setup: Record<string, unknown>; close: () => Promise<void> };
export type MeasuredWindow = WindowFigures & {
  offeredRate: number;
  durationSeconds: number;
  deliveries: WindowFigures['deliveries'] & {
    duplicates: number;
    framesForUnknownMessages: number;
  };
  cpuPercentOfOneCoreWhileSending: Record<string, number>;
  cpuMsPerMessage: Record<string, number>;
  loadAverage: { before: number; after: number };
};
export function setupRelay(
  shape: { groups: number; groupSize: number },
  runId: string,
): Promise<System>;
export function measureWindow(
  system: System,
  window: { phase: string; rate: number; seconds: number },
): Promise<MeasuredWindow>;
export function warmUp(system: System, rate: number, seconds: number): Promise<void>;
