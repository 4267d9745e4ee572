import { afterAll, describe, expect, it } from 'vitest';

import { measureWindow, setupRelay, warmUp, type System } from './systems.mjs';

/**
 * The measuring machinery end to end on the relay (the side that needs no build): the open loop
 * offers exactly rate × seconds messages, every copy is counted once at every other member, the
 * author's echo is not a delivery, and the relay's process shows up in the CPU figures.
 */
let relay: System | null = null;
afterAll(async () => {
  await relay?.close();
});

describe('measureWindow on the Socket.io relay', () => {
  it('counts 30 messages × 2 recipients in 3 groups of 3 as all delivered', async () => {
    relay = await setupRelay({ groups: 3, groupSize: 3 }, 'unit');
    await warmUp(relay, 20, 0.5);
    const w = await measureWindow(relay, { phase: 'measure', rate: 30, seconds: 1 });
    expect(w.messagesOffered).toBe(30);
    expect(w.messagesCreated).toBe(30);
    expect(w.sendFailures).toEqual({});
    expect(w.deliveries).toEqual({
      expected: 60,
      received: 60,
      completeness: 1,
      duplicates: 0,
      framesForUnknownMessages: 0,
    });
    expect(w.deliveryLatencyMs.count).toBe(60);
    expect(w.allRecipientsLatencyMs.count).toBe(30);
    expect(w.httpPostLatencyMs.count).toBe(30);
    expect(Object.keys(w.cpuMsPerMessage)).toContain('bench client (this process)');
    if (process.platform === 'linux')
      expect(Object.keys(w.cpuPercentOfOneCoreWhileSending).join()).toMatch(/socket\.io relay/);
  });
});
