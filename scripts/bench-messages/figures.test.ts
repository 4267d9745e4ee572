import { describe, expect, it } from 'vitest';

import { deliveredAll, deliveryFigures, ratios, type SendRecord } from './figures.mjs';
import { summarize } from '../lib/stats.mjs';

function record(
  at: number,
  status: number | string,
  received: number[],
  recipients = 2,
): SendRecord {
  return {
    status,
    scheduledAt: at,
    sentAt: at + 1,
    respondedAt: at + 11,
    postMs: 10,
    recipients,
    receivedBy: new Map(received.map((ms, i) => [`u${i}`, ms])),
  };
}

describe('deliveryFigures', () => {
  it('counts every copy at every other member and the last member reached', () => {
    const f = deliveryFigures([record(0, 201, [5, 7]), record(1000, 201, [3, 9])]);
    expect(f.messagesCreated).toBe(2);
    expect(f.deliveries).toEqual({ expected: 4, received: 4, completeness: 1 });
    expect(f.deliveryLatencyMs.count).toBe(4);
    expect(f.allRecipientsLatencyMs.max).toBe(9);
    expect(f.maxSendLagMs).toBe(1);
    expect(deliveredAll(f)).toBe(true);
  });

  it('reports a missing copy and a failed POST, and is then not "all delivered"', () => {
    const missing = deliveryFigures([record(0, 201, [5]), record(10, 201, [5, 6])]);
    expect(missing.deliveries.completeness).toBe(0.75);
    expect(missing.allRecipientsLatencyMs.count).toBe(1);
    expect(deliveredAll(missing)).toBe(false);

    const failed = deliveryFigures([record(0, 201, [5, 6]), record(10, 'error: ECONNRESET', [])]);
    expect(failed.sendFailures).toEqual({ 'error: ECONNRESET': 1 });
    expect(failed.deliveries.completeness).toBe(1); // of what was stored…
    expect(deliveredAll(failed)).toBe(false); // …but one message was never stored
  });

  it('has no figures, not zeros, for an empty window', () => {
    const f = deliveryFigures([]);
    expect(f.deliveryLatencyMs.p99).toBeNull();
    expect(f.deliveries.completeness).toBeNull();
    expect(deliveredAll(f)).toBe(false);
  });
});

describe('ratios', () => {
  const side = (delivery: number[], post: number[]) => ({
    deliveryLatencyMs: summarize(delivery),
    httpPostLatencyMs: summarize(post),
  });

  it('divides Parley by the relay at p50 and p99, one decimal', () => {
    const r = ratios(side([20, 90], [30, 140]), side([1, 4], [2, 7]));
    expect(r).toEqual({ delivery: { p50: 20, p99: 22.5 }, httpPost: { p50: 15, p99: 20 } });
  });

  it('is null where a side has no figure or the relay measured 0', () => {
    const r = ratios(side([20], [30]), side([], [0]));
    expect(r).toEqual({ delivery: { p50: null, p99: null }, httpPost: { p50: null, p99: null } });
  });
});
