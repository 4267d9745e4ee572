import { describe, expect, it } from 'vitest';

import { createReadMarks, READ_PERSIST_DELAY_MS } from './read-marks';

/** A hand-driven clock and a writer that records (and can fail) each write. */
function harness() {
  const timers: { run: () => void; at: number }[] = [];
  let now = 0;
  const writes: { seq: number; keepalive: boolean }[] = [];
  let fail = false;
  const marks = createReadMarks({
    write: async (seq, { keepalive }) => {
      writes.push({ seq, keepalive });
      if (fail) throw new Error('offline');
    },
    setTimer: (run, ms) => {
      const timer = { run, at: now + ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      const i = timers.indexOf(timer as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  return {
    marks,
    writes,
    failWrites: (value: boolean) => (fail = value),
    pendingTimers: () => timers.length,
    async advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.run();
      }
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

describe('read marks', () => {
  it('writes positions nobody heard live at once', () => {
    const h = harness();
    h.marks.mark(3, { live: false });
    expect(h.writes).toEqual([{ seq: 3, keepalive: false }]);
  });

  it('coalesces live positions into one write of the last, after the delay', async () => {
    const h = harness();
    h.marks.mark(3, { live: true });
    h.marks.mark(5, { live: true });
    h.marks.mark(4, { live: true });
    await h.advance(READ_PERSIST_DELAY_MS - 1);
    expect(h.writes).toEqual([]);
    await h.advance(1);
    expect(h.writes).toEqual([{ seq: 5, keepalive: false }]);
    expect(h.marks.waiting()).toBeNull();
  });

  it('writes the waiting position at once when flushed, with keepalive when the page goes', () => {
    const h = harness();
    h.marks.mark(8, { live: true });
    h.marks.flush({ keepalive: true });
    expect(h.writes).toEqual([{ seq: 8, keepalive: true }]);
    expect(h.pendingTimers()).toBe(0);
    h.marks.flush();
    expect(h.writes).toHaveLength(1);
  });

  it('a position that must not wait takes the waiting ones with it', () => {
    const h = harness();
    h.marks.mark(8, { live: true });
    h.marks.mark(8, { live: false });
    expect(h.writes).toEqual([{ seq: 8, keepalive: false }]);
  });

  it('never writes a position at or below one already written', async () => {
    const h = harness();
    h.marks.mark(8, { live: false });
    h.marks.mark(6, { live: false });
    h.marks.mark(8, { live: true });
    await h.advance(READ_PERSIST_DELAY_MS);
    expect(h.writes.map((w) => w.seq)).toEqual([8]);
  });

  it('keeps a failed write waiting and retries it, so the final position is not lost', async () => {
    const h = harness();
    h.failWrites(true);
    h.marks.mark(4, { live: false });
    await settle();
    expect(h.marks.waiting()).toBe(4);
    h.failWrites(false);
    await h.advance(READ_PERSIST_DELAY_MS);
    expect(h.writes.map((w) => w.seq)).toEqual([4, 4]);
    await settle();
    expect(h.marks.waiting()).toBeNull();
  });

  it('a failed write gives way to a later position seen meanwhile', async () => {
    const h = harness();
    h.failWrites(true);
    h.marks.mark(4, { live: false });
    h.marks.mark(6, { live: true });
    await settle();
    expect(h.marks.waiting()).toBe(6);
  });

  it('reset forgets the waiting position and what was written (marked unread)', async () => {
    const h = harness();
    h.marks.mark(9, { live: false });
    h.marks.mark(12, { live: true });
    h.marks.reset();
    await h.advance(READ_PERSIST_DELAY_MS);
    expect(h.writes.map((w) => w.seq)).toEqual([9]);
    h.marks.mark(7, { live: false });
    expect(h.writes.map((w) => w.seq)).toEqual([9, 7]);
  });

  it('a write that fails after a reset does not come back', async () => {
    const h = harness();
    h.failWrites(true);
    h.marks.mark(9, { live: false });
    h.marks.reset();
    await settle();
    expect(h.marks.waiting()).toBeNull();
    expect(h.pendingTimers()).toBe(0);
  });
});
