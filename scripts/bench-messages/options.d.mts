// Types for options.mjs, so its test (TypeScript, allowJs off) can import it.
export const CAPACITY_RATES: number[];
export const DEFAULT_CONNECTIONS: number;
export type BenchConfig = {
  rate: number;
  durationSeconds: number;
  warmupSeconds: number;
  groups: number;
  groupSize: number;
  historyMessages: number;
  historyRequests: number;
  historyPageSize: number;
  skipBuild: boolean;
  looking: boolean;
  keepData: boolean;
  relay: boolean;
  findCapacity: boolean;
  capacityStepSeconds: number;
  capacityMaxRate: number;
  capacityP99Ms: number;
  connections: number | null;
  connectionsRate: number;
  profile: boolean;
  profileHistory: boolean;
  observability: 'on' | 'off';
  compareObservability: boolean;
  observabilityRounds: number;
  fixedRate: boolean;
};
export function rawFlag(argv: string[], name: string): string | undefined;
export function readOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): { config: BenchConfig; problems: string[] };
export function capacityRates(max: number): number[];
