import { describe, expect, it } from 'vitest';

import { keyFigures, mergeResults, RESULTS_VERSION, type Run } from './results.mjs';

const latency = (p50: number, p99: number) => ({ p50, p99 });
const window = (p50: number, p99: number) => ({
  offeredRate: 100,
  deliveryLatencyMs: latency(p50, p99),
  httpPostLatencyMs: latency(p50 + 5, p99 + 5),
  deliveries: { completeness: 1 },
});

function run(startedAt: string, sections: Run['sections']): Run {
  return {
    startedAt,
    code: { commit: 'abc1234', changedFiles: 0 },
    machine: { cpus: 2 },
    config: { rate: 100 },
    sections,
  };
}

const realtimeRun = run('2026-12-06T10:00:00.000Z', {
  realtime: {
    parley: window(20, 90),
    relay: window(1, 4),
    ratio: { delivery: { p50: 20, p99: 22.5 } },
  },
  history: { httpLatencyMs: latency(3, 12) },
});
const capacityRun = run('2026-12-06T11:00:00.000Z', {
  capacity: {
    parley: { capacityMessagesPerSecond: 150 },
    relay: { capacityMessagesPerSecond: 1000 },
  },
});

describe('mergeResults', () => {
  it('starts a file from nothing (or from garbage)', () => {
    for (const previous of [null, undefined, 'oops', 42, { version: 99 }]) {
      const merged = mergeResults(previous, realtimeRun);
      expect(merged.version).toBe(RESULTS_VERSION);
      expect(Object.keys(merged.latest)).toEqual(['realtime', 'history']);
      expect(merged.latest.realtime.run.startedAt).toBe(realtimeRun.startedAt);
      expect(merged.runs).toHaveLength(1);
    }
  });

  it('keeps the parts a run did not measure, stamped with the run that did', () => {
    const merged = mergeResults(mergeResults(null, realtimeRun), capacityRun);
    expect(merged.latest.realtime.parley.deliveryLatencyMs.p99).toBe(90);
    expect(merged.latest.realtime.run.startedAt).toBe(realtimeRun.startedAt);
    expect(merged.latest.capacity.parley.capacityMessagesPerSecond).toBe(150);
    expect(merged.latest.capacity.run.startedAt).toBe(capacityRun.startedAt);
    expect(merged.runs.map((r) => r.parts)).toEqual([['realtime', 'history'], ['capacity']]);
    expect(merged.updatedAt).toBe(capacityRun.startedAt);
  });

  it('replaces a part measured again', () => {
    const again = run('2026-12-06T12:00:00.000Z', {
      realtime: { parley: window(10, 40), relay: null, ratio: null },
    });
    const merged = mergeResults(mergeResults(null, realtimeRun), again);
    expect(merged.latest.realtime.parley.deliveryLatencyMs.p99).toBe(40);
    expect(merged.latest.realtime.relay).toBeNull();
    expect(merged.latest.history.run.startedAt).toBe(realtimeRun.startedAt);
  });

  it('keeps the last good figures of a part that failed (null) this run', () => {
    const failed = run('2026-12-06T12:00:00.000Z', {
      realtime: { parley: window(10, 40), relay: null, ratio: null },
      history: null,
    });
    const merged = mergeResults(mergeResults(null, realtimeRun), failed);
    expect(merged.latest.history.httpLatencyMs.p99).toBe(12);
    expect(merged.latest.history.run.startedAt).toBe(realtimeRun.startedAt);
    expect(merged.runs.at(-1)?.parts).toEqual(['realtime']);
  });

  it('keeps the last 100 runs', () => {
    let merged = mergeResults(null, realtimeRun);
    for (let i = 0; i < 120; i++) merged = mergeResults(merged, capacityRun);
    expect(merged.runs).toHaveLength(100);
    expect(merged.runs[0]?.parts).toEqual(['capacity']);
  });

  it("keeps a version-1 file's realtime and history as that run's parts", () => {
    const v1 = {
      startedAt: '2026-12-01T09:00:00.000Z',
      code: { commit: 'old', changedFiles: 0 },
      machine: { cpus: 2 },
      realtime: window(21.5, 93.8),
      history: { httpLatencyMs: latency(4, 19) },
    };
    const merged = mergeResults(v1, capacityRun);
    expect(merged.latest.realtime.parley.deliveryLatencyMs.p50).toBe(21.5);
    expect(merged.latest.realtime.run.startedAt).toBe(v1.startedAt);
    expect(merged.latest.history.httpLatencyMs.p99).toBe(19);
  });
});

describe('keyFigures', () => {
  it('flattens what runs are compared by', () => {
    expect(keyFigures(realtimeRun)).toEqual({
      startedAt: realtimeRun.startedAt,
      commit: 'abc1234',
      parts: ['realtime', 'history'],
      offeredRate: 100,
      parleyDeliveryMs: latency(20, 90),
      parleyPostMs: latency(25, 95),
      parleyCompleteness: 1,
      relayDeliveryMs: latency(1, 4),
      relayPostMs: latency(6, 9),
      deliveryRatio: { p50: 20, p99: 22.5 },
      historyHttpP99Ms: 12,
    });
    expect(keyFigures(capacityRun)).toMatchObject({ parleyCapacity: 150, relayCapacity: 1000 });
  });
});
