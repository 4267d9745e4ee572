import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createTypingThrottle, typingLabel, type TypingState } from './typing';

describe('typingLabel', () => {
  it('names up to three people, then says several', () => {
    expect(typingLabel([])).toBe('');
    expect(typingLabel(['Ana'])).toBe('Ana is typing…');
    expect(typingLabel(['Ana', 'Ben'])).toBe('Ana and Ben are typing…');
    expect(typingLabel(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy are typing…');
    expect(typingLabel(['Ana', 'Ben', 'Cy', 'Di'])).toBe('Several people are typing…');
  });
});

describe('createTypingThrottle', () => {
  let sent: TypingState[];
  let throttle: ReturnType<typeof createTypingThrottle>;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    throttle = createTypingThrottle({ send: (s) => sent.push(s) });
  });
  afterEach(() => {
    throttle.dispose();
    vi.useRealTimers();
  });

  it('sends start on the first keystroke, not again within 2 s', () => {
    throttle.keystroke();
    vi.advanceTimersByTime(500);
    throttle.keystroke();
    vi.advanceTimersByTime(1000);
    throttle.keystroke();
    expect(sent).toEqual(['start']);
  });

  it('re-sends start every 2 s while typing continues', () => {
    for (let i = 0; i < 9; i++) {
      throttle.keystroke();
      vi.advanceTimersByTime(500);
    }
    // Keystrokes at 0, 0.5, …, 4 s: starts at 0, 2 and 4 s.
    expect(sent).toEqual(['start', 'start', 'start']);
  });

  it('sends stop once on send, and nothing when not typing', () => {
    throttle.stop();
    expect(sent).toEqual([]);
    throttle.keystroke();
    throttle.stop();
    throttle.stop();
    expect(sent).toEqual(['start', 'stop']);
    // The idle timer was cleared: no late second stop.
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual(['start', 'stop']);
  });

  it('sends stop after 5 s idle, and start again on the next keystroke', () => {
    throttle.keystroke();
    vi.advanceTimersByTime(4999);
    expect(sent).toEqual(['start']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['start', 'stop']);
    throttle.keystroke();
    expect(sent).toEqual(['start', 'stop', 'start']);
  });

  it('restarts the idle timer on each keystroke', () => {
    throttle.keystroke();
    vi.advanceTimersByTime(4000);
    throttle.keystroke();
    vi.advanceTimersByTime(4000);
    expect(sent).not.toContain('stop');
  });
});
