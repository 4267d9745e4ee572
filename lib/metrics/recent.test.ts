import { describe, expect, it } from 'vitest';

import { quantile, RecentActivity } from './recent';

describe('RecentActivity', () => {
  it('counts per minute and gives the last 60 minutes, empty ones filled, oldest first', () => {
    let now = Date.UTC(2026, 11, 6, 12, 0, 30);
    const recent = new RecentActivity(() => now);
    recent.count('requests', 3);
    recent.count('errors');
    now += 60_000;
    recent.count('requests');
    const points = recent.snapshot();
    expect(points).toHaveLength(60);
    expect(points.at(-1)).toMatchObject({
      at: Date.UTC(2026, 11, 6, 12, 1),
      counts: { requests: 1, errors: 0 },
    });
    expect(points.at(-2)).toMatchObject({ counts: { requests: 3, errors: 1 } });
    expect(points[0]?.counts.requests).toBe(0);
  });

  it('forgets minutes older than an hour', () => {
    let now = 0;
    const recent = new RecentActivity(() => now);
    recent.count('requests', 5);
    now += 61 * 60_000;
    recent.count('requests');
    const total = recent.snapshot().reduce((sum, p) => sum + p.counts.requests, 0);
    expect(total).toBe(1);
  });

  it('gives p50 and p99 of each latency per minute, null when nothing was measured', () => {
    const recent = new RecentActivity(() => 0);
    for (let i = 1; i <= 100; i++) recent.latency('request', i / 1000);
    const last = recent.snapshot().at(-1);
    expect(last?.p50.request).toBe(0.05);
    expect(last?.p99.request).toBe(0.099);
    expect(last?.p50.ai).toBeNull();
  });

  it('keeps a bounded sample under load', () => {
    const recent = new RecentActivity(() => 0);
    for (let i = 0; i < 10_000; i++) recent.latency('publish', 0.01);
    expect(recent.snapshot().at(-1)?.p99.publish).toBe(0.01);
  });

  it('quantile of nothing is null', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('RecentActivity readings', () => {
  it('keeps the latest reading of a minute, and none for a minute without one', () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 30);
    const recent = new RecentActivity(() => now);
    recent.sample('jobsPending', 4);
    recent.sample('jobsPending', 7);
    now += 120_000;
    const points = recent.snapshot();
    expect(points.at(-3)!.gauges.jobsPending).toBe(7);
    expect(points.at(-2)!.gauges.jobsPending).toBeNull();
    expect(points.at(-1)!.gauges.jobsPending).toBeNull();
  });
});
