// Types for capacity.mjs, so its test (TypeScript, allowJs off) can import it.
import type { WindowFigures } from './figures.mjs';

export type CapacityStep<F = WindowFigures> = { rate: number; passed: boolean; figures: F };
export function stepPassed(figures: WindowFigures, p99LimitMs: number): boolean;
export function capacityDecision(
  rates: number[],
  steps: { rate: number; passed: boolean }[],
): { done: boolean; nextRate: number | null; capacity: number | null; atLeast: boolean };
export function findCapacity<S extends { name: string }>(
  system: S,
  options: { rates: number[]; stepSeconds: number; p99LimitMs: number },
  deps: {
    measureWindow: (
      system: S,
      window: { phase: string; rate: number; seconds: number },
    ) => Promise<WindowFigures>;
    pause: () => Promise<void>;
    log: (text: string) => void;
  },
): Promise<{
  p99LimitMs: number;
  stepSeconds: number;
  ratesOffered: number[];
  capacityMessagesPerSecond: number | null;
  allRatesPassed: boolean;
  steps: CapacityStep[];
}>;
