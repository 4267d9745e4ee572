/**
 * Paces the read positions a tab announces on the conversation room's socket. The room relays at
 * most one per connection every 500 ms and drops a faster one (lib/rooms/conversation.ts); the
 * durable write that would bring the final position waits up to two minutes (read-marks.ts), so
 * a dropped last position left "Seen by" behind for that long. A position that comes too soon is
 * held and sent once the interval has passed, the newest one only.
 */
export const READ_RELAY_INTERVAL_MS = 750;

export type ReadRelay = {
  /** Announces `seq` now or as soon as the room will take it. */
  announce(seq: number): void;
  /** Drops a held position (the socket is gone). */
  cancel(): void;
};

export function createReadRelay(deps: {
  send: (seq: number) => void;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  intervalMs?: number;
}): ReadRelay {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const interval = deps.intervalMs ?? READ_RELAY_INTERVAL_MS;
  let lastSentAt = -Infinity;
  let lastSent = 0;
  let held: number | null = null;
  let timer: unknown = null;

  const sendNow = (seq: number) => {
    lastSentAt = now();
    lastSent = seq;
    deps.send(seq);
  };

  return {
    announce(seq) {
      if (seq <= lastSent || (held !== null && seq <= held)) return;
      const wait = lastSentAt + interval - now();
      if (wait <= 0 && timer === null) {
        sendNow(seq);
        return;
      }
      held = seq;
      timer ??= setTimer(
        () => {
          timer = null;
          const next = held;
          held = null;
          if (next !== null) sendNow(next);
        },
        Math.max(0, wait),
      );
    },
    cancel() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      held = null;
    },
  };
}
