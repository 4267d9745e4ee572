import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createSeenDelay, SEEN_DELAY_MS } from './seen-delay';

describe('createSeenDelay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts a position as seen after it stayed on screen for the delay', () => {
    const seen = createSeenDelay();
    const marked: number[] = [];
    seen.schedule(() => marked.push(3));
    vi.advanceTimersByTime(SEEN_DELAY_MS - 1);
    expect(marked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(marked).toEqual([3]);
    seen.commit();
    expect(marked).toEqual([3]);
  });

  it('a newer position replaces the waiting one and restarts the clock', () => {
    const seen = createSeenDelay();
    const marked: number[] = [];
    seen.schedule(() => marked.push(3));
    vi.advanceTimersByTime(200);
    seen.schedule(() => marked.push(4));
    vi.advanceTimersByTime(200);
    expect(marked).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(marked).toEqual([4]);
  });

  it('leaving before the delay still counts what was on screen (the badge must not come back)', () => {
    const seen = createSeenDelay();
    const marked: number[] = [];
    seen.schedule(() => marked.push(3));
    vi.advanceTimersByTime(50);
    // The view re-renders on the way out: the clock stops, the position still waits.
    seen.pause();
    seen.commit();
    expect(marked).toEqual([3]);
    vi.advanceTimersByTime(SEEN_DELAY_MS);
    expect(marked).toEqual([3]);
  });

  it('what is no longer on screen (scrolled up, hidden tab, held unread) is never counted', () => {
    const seen = createSeenDelay();
    const marked: number[] = [];
    seen.schedule(() => marked.push(3));
    seen.cancel();
    seen.commit();
    vi.advanceTimersByTime(SEEN_DELAY_MS);
    expect(marked).toEqual([]);
  });
});
