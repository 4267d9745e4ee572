import { BrokenCircuitError } from 'cockatiel';
import { describe, expect, it, vi } from 'vitest';

import { createBreaker, onBreakerChange, runThrough, type Settings } from './breakers';

/** A stand-in provider: fails while `down` is true, counting the calls that reached it. */
function fakeProvider() {
  const state = { down: true, calls: 0 };
  const call = async () => {
    state.calls++;
    if (state.down) throw new Error('503 from the provider');
    return 'ok';
  };
  return { state, call };
}

const quick: Settings = { failures: 3, halfOpenAfterMs: 60, retries: 0 };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('circuit breakers', () => {
  it('opens after consecutive failures and then fails fast without calling the provider', async () => {
    const provider = fakeProvider();
    const breaker = createBreaker('ai', quick);
    for (let i = 0; i < 3; i++)
      await expect(runThrough(breaker, provider.call)).rejects.toThrow('503');
    expect(provider.state.calls).toBe(3);
    expect(breaker.retryAt?.getTime()).toBeGreaterThan(Date.now());

    await expect(runThrough(breaker, provider.call)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(provider.state.calls).toBe(3);
  });

  it('half-opens after the wait: a good probe closes it, a bad one opens it again', async () => {
    const provider = fakeProvider();
    const breaker = createBreaker('push', quick);
    const seen: string[] = [];
    const stop = onBreakerChange((dependency, status) => {
      if (dependency === 'push') seen.push(status);
    });
    for (let i = 0; i < 3; i++) await runThrough(breaker, provider.call).catch(() => undefined);

    await wait(80);
    await expect(runThrough(breaker, provider.call)).rejects.toThrow('503');
    expect(provider.state.calls).toBe(4); // the probe reached the provider
    await expect(runThrough(breaker, provider.call)).rejects.toBeInstanceOf(BrokenCircuitError);

    await wait(80);
    provider.state.down = false;
    await expect(runThrough(breaker, provider.call)).resolves.toBe('ok');
    expect(breaker.retryAt).toBeNull();
    await expect(runThrough(breaker, provider.call)).resolves.toBe('ok');
    stop();
    expect(seen).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('a success between failures keeps it closed (consecutive, not total)', async () => {
    const provider = fakeProvider();
    const breaker = createBreaker('smtp', quick);
    for (let round = 0; round < 3; round++) {
      provider.state.down = true;
      await runThrough(breaker, provider.call).catch(() => undefined);
      await runThrough(breaker, provider.call).catch(() => undefined);
      provider.state.down = false;
      await runThrough(breaker, provider.call);
    }
    expect(breaker.retryAt).toBeNull();
    expect(provider.state.calls).toBe(9);
  });

  it('retries once, with jitter, only where the settings allow it', async () => {
    const flaky = vi.fn().mockRejectedValueOnce(new Error('blip')).mockResolvedValue('sent');
    const withRetry = createBreaker('partykit', { failures: 5, halfOpenAfterMs: 60, retries: 1 });
    await expect(runThrough(withRetry, flaky)).resolves.toBe('sent');
    expect(flaky).toHaveBeenCalledTimes(2);

    const once = vi.fn().mockRejectedValueOnce(new Error('blip')).mockResolvedValue('sent');
    const noRetry = createBreaker('upstash', { failures: 5, halfOpenAfterMs: 60, retries: 0 });
    await expect(runThrough(noRetry, once)).rejects.toThrow('blip');
    expect(once).toHaveBeenCalledTimes(1);
  });
});
