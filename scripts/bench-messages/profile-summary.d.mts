// Types for profile-summary.mjs, so its test (TypeScript, allowJs off) can import it.
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
};
export type ProfileRow = { name: string; selfMs: number; percentOfBusy: number };
export type ProfileSummary = {
  wallMs: number;
  busyMs: number;
  topFunctions: ProfileRow[];
  topFiles: ProfileRow[];
};
export function shortUrl(url: string): string;
export function summarizeProfile(profile: CpuProfile, top?: number): ProfileSummary;
export function formatProfileSummary(title: string, summary: ProfileSummary): string[];
export function foldedStacks(profile: CpuProfile): string;
