import { describe, expect, it } from 'vitest';

import { createReadRelay } from './read-relay';

function world() {
  let time = 0;
  const timers: { at: number; run: () => void }[] = [];
  const sent: number[] = [];
  const relay = createReadRelay({
    send: (seq) => sent.push(seq),
    now: () => time,
    setTimer: (run, ms) => {
      const timer = { at: time + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
    intervalMs: 750,
  });
  const advance = (ms: number) => {
    time += ms;
    for (const timer of [...timers].filter((t) => t.at <= time)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { relay, sent, advance };
}

describe('createReadRelay', () => {
  it('sends the first position at once and holds the newest of the ones that come too soon', () => {
    const { relay, sent, advance } = world();
    relay.announce(5);
    relay.announce(6);
    relay.announce(7);
    expect(sent).toEqual([5]);
    advance(749);
    expect(sent).toEqual([5]);
    advance(1);
    // The last position is never dropped: it goes once the room will take it.
    expect(sent).toEqual([5, 7]);
    advance(1000);
    relay.announce(8);
    expect(sent).toEqual([5, 7, 8]);
  });

  it('ignores positions not past the last one, and forgets a held one when cancelled', () => {
    const { relay, sent, advance } = world();
    relay.announce(5);
    relay.announce(4);
    relay.announce(5);
    relay.announce(9);
    relay.cancel();
    advance(5000);
    expect(sent).toEqual([5]);
  });
});
