import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderMetrics, startStateSampler } from './collect';
import { recentActivity } from './recent';

const store = {
  countJobs: async ({ state }: { state: string }) => (state === 'pending' ? 3 : 0),
  oldestDueRunAt: async () => null,
};

afterEach(() => vi.useRealTimers());

describe('state read at a scrape', () => {
  it('exports the sockets the rooms count, and keeps the last reading when they do not answer', async () => {
    let text = (await renderMetrics({ store, sockets: async () => 7 })).text;
    expect(text).toMatch(/^parley_realtime_connected_sockets 7$/m);
    expect(text).toMatch(/^parley_jobs_queued\{state="pending"\} 3$/m);
    text = (await renderMetrics({ store, sockets: async () => null })).text;
    expect(text).toMatch(/^parley_realtime_connected_sockets 7$/m);
    expect(recentActivity().snapshot().at(-1)?.gauges.sockets).toBe(7);
  });
});

describe('startStateSampler', () => {
  it('reads the backlog and the sockets at once and then every minute', async () => {
    vi.useFakeTimers();
    let sockets = 2;
    const reads: number[] = [];
    const stop = startStateSampler(
      async () => store,
      async () => {
        reads.push(sockets);
        return sockets;
      },
    );
    await vi.advanceTimersByTimeAsync(0);
    sockets = 5;
    await vi.advanceTimersByTimeAsync(60_000);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reads).toEqual([2, 5]);
    const last = recentActivity().snapshot().at(-1);
    expect(last?.gauges).toEqual({ jobsPending: 3, sockets: 5 });
  });
});
