import { dailyAllowance, FREE_TIERS, type FreeTierId, type FreeTierLimit } from './free-tiers';

/** What one simulated day used, per free-tier limit (a total limit takes a year's projection). */
export type DayUsage = Record<FreeTierId, number>;

export type BudgetLine = {
  id: FreeTierId;
  service: FreeTierLimit['service'];
  what: string;
  used: number;
  allowance: number;
  unit: string;
  /** allowance / used: 2 means the day could happen twice over. Infinity when nothing was used. */
  headroom: number;
};

/** The minimum headroom every free tier must keep for a team to "fit" (the 2×). */
export const REQUIRED_HEADROOM = 2;

export function budgetLines(
  usage: DayUsage,
  limits: readonly FreeTierLimit[] = FREE_TIERS,
): BudgetLine[] {
  return limits.map((limit) => {
    const id = limit.id as FreeTierId;
    const used = usage[id] ?? 0;
    const allowance = dailyAllowance(limit);
    return {
      id,
      service: limit.service,
      what: limit.what,
      used,
      allowance,
      unit: limit.unit,
      headroom: used > 0 ? allowance / used : Number.POSITIVE_INFINITY,
    };
  });
}

/**
 * The largest team that keeps `required` headroom on every limit, assuming use grows in
 * proportion to the number of people at the same activity per person (true of messages, reads
 * and jobs; group fan-out grows a little faster, so this is an upper estimate). The limiting
 * service is the one with the least headroom.
 */
export function largestTeam(
  lines: readonly BudgetLine[],
  people: number,
  required = REQUIRED_HEADROOM,
): { people: number; limitedBy: FreeTierId | null } {
  let worst: BudgetLine | null = null;
  for (const line of lines) if (!worst || line.headroom < worst.headroom) worst = line;
  if (!worst || !Number.isFinite(worst.headroom)) return { people: Infinity, limitedBy: null };
  return { people: Math.floor((people * worst.headroom) / required), limitedBy: worst.id };
}

const number = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)}×` : '∞');

/** The day beside each limit, as a Markdown table (what the bench prints and the README shows). */
export function budgetTable(lines: readonly BudgetLine[]): string {
  const rows = lines.map(
    (l) =>
      `| ${l.service} | ${l.what} | ${number(l.used)} | ${number(l.allowance)} ${l.unit} | ${times(l.headroom)}${l.headroom < REQUIRED_HEADROOM ? ' ⚠' : ''} |`,
  );
  return [
    '| service | limit | used in the day | free per day | headroom |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
