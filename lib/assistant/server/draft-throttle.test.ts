import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createDraftThrottle } from './draft-throttle';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A send that records the time and text of each call and takes `ms` to finish. */
function recorder(ms = 0) {
  const sent: { at: number; text: string }[] = [];
  const send = (text: string) => {
    sent.push({ at: Date.now(), text });
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  return { sent, send };
}

describe('createDraftThrottle', () => {
  it('sends the first text at once and then at most once per interval, always the newest', async () => {
    const { sent, send } = recorder();
    const start = Date.now();
    const drafts = createDraftThrottle({ intervalMs: 150, send });
    drafts.push('a');
    await vi.advanceTimersByTimeAsync(0);
    for (const text of ['ab', 'abc', 'abcd']) {
      drafts.push(text);
      await vi.advanceTimersByTimeAsync(40);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(sent.map((s) => s.text)).toEqual(['a', 'abcd']);
    expect(sent.map((s) => s.at - start)).toEqual([0, 150]);
    await drafts.close();
  });

  it('never runs two sends at once: text pushed meanwhile waits for the one in flight', async () => {
    const { sent, send } = recorder(500);
    const drafts = createDraftThrottle({ intervalMs: 100, send });
    drafts.push('a');
    await vi.advanceTimersByTimeAsync(0);
    drafts.push('ab');
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.map((s) => s.text)).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.map((s) => s.text)).toEqual(['a', 'ab']);
    // Right after the first send finished (a zero-delay timer may tick one fake millisecond).
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(500);
    expect(sent[1]!.at - sent[0]!.at).toBeLessThanOrEqual(501);
    const closing = drafts.close();
    await vi.advanceTimersByTimeAsync(500);
    await closing;
  });

  it('close() drops what was not sent yet and waits for the send in flight', async () => {
    const { sent, send } = recorder(50);
    const drafts = createDraftThrottle({ intervalMs: 150, send });
    drafts.push('a');
    await vi.advanceTimersByTimeAsync(0);
    drafts.push('ab');
    let closed = false;
    const closing = drafts.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(40);
    await closing;
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.map((s) => s.text)).toEqual(['a']);
    drafts.push('abc');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
  });

  it('keeps going after a failed send', async () => {
    const sent: string[] = [];
    const drafts = createDraftThrottle({
      intervalMs: 10,
      send: async (text) => {
        sent.push(text);
        throw new Error('room down');
      },
    });
    drafts.push('a');
    await vi.advanceTimersByTimeAsync(0);
    drafts.push('ab');
    await vi.advanceTimersByTimeAsync(20);
    expect(sent).toEqual(['a', 'ab']);
    await drafts.close();
  });
});
