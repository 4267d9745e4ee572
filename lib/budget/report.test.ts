import { describe, expect, it } from 'vitest';

import { dailyAllowance, FREE_TIERS } from './free-tiers';
import { budgetLines, budgetTable, largestTeam, type DayUsage } from './report';

const usage = (over: Partial<DayUsage> = {}): DayUsage => ({
  'qstash.messages': 100,
  'upstash.commands': 1_000,
  'vercel.invocations': 3_000,
  'vercel.active-cpu': 60,
  'partykit.requests': 10_000,
  'mongodb.storage': 1_000_000,
  'email.messages': 10,
  ...over,
});

describe('free tiers', () => {
  it('name a source and the day each was checked', () => {
    for (const limit of FREE_TIERS) {
      expect(limit.source).toMatch(/^https:\/\//);
      expect(limit.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(limit.value).toBeGreaterThan(0);
    }
    expect(new Set(FREE_TIERS.map((l) => l.id)).size).toBe(FREE_TIERS.length);
  });

  it('share a monthly limit over 30 days and keep daily and total ones', () => {
    expect(dailyAllowance({ value: 3_000, period: 'month' })).toBe(100);
    expect(dailyAllowance({ value: 1_000, period: 'day' })).toBe(1_000);
    expect(dailyAllowance({ value: 512, period: 'total' })).toBe(512);
  });
});

describe('the budget', () => {
  it('gives each limit its headroom', () => {
    const qstash = budgetLines(usage()).find((l) => l.id === 'qstash.messages')!;
    expect(qstash.allowance).toBe(1_000);
    expect(qstash.headroom).toBe(10);
  });

  it('finds the largest team from the tightest limit, keeping 2× headroom', () => {
    // QStash at 500 of 1,000 a day is 2× headroom: 25 people fit, and no more.
    const lines = budgetLines(usage({ 'qstash.messages': 500 }));
    expect(largestTeam(lines, 25)).toEqual({ people: 25, limitedBy: 'qstash.messages' });
    const tight = budgetLines(usage({ 'qstash.messages': 2_000 }));
    expect(largestTeam(tight, 25)).toEqual({ people: 6, limitedBy: 'qstash.messages' });
  });

  it('has no limit when nothing was used', () => {
    const none = Object.fromEntries(FREE_TIERS.map((l) => [l.id, 0])) as DayUsage;
    expect(largestTeam(budgetLines(none), 25)).toEqual({ people: Infinity, limitedBy: null });
  });

  it('prints a table that marks a limit under 2× headroom', () => {
    const table = budgetTable(budgetLines(usage({ 'qstash.messages': 2_000 })));
    expect(table.split('\n')).toHaveLength(2 + FREE_TIERS.length);
    expect(table).toMatch(/\| QStash \| .* \| 2,000 \| 1,000 messages \| 0\.5× ⚠ \|/);
    expect(table).not.toMatch(/Vercel.*⚠/);
  });
});
