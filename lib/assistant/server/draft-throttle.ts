import 'server-only';

/**
 * Sends the latest text of a growing draft at most once per `intervalMs`, one send at a time,
 * so a fast stream costs a few publishes a second and they arrive in order. Text pushed while a
 * send is running or too soon after one goes out later (only the newest). `close()` drops what
 * is left and waits for the send in flight: a draft never lands after the final message.
 */
export function createDraftThrottle(input: {
  intervalMs: number;
  send: (text: string) => Promise<unknown>;
  now?: () => number;
}) {
  const now = input.now ?? Date.now;
  let latest: string | null = null;
  let lastSentAt = -Infinity;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function schedule() {
    if (timer || inFlight || closed || latest === null) return;
    timer = setTimeout(flush, Math.max(0, lastSentAt + input.intervalMs - now()));
  }

  function flush() {
    timer = null;
    if (closed || latest === null) return;
    const text = latest;
    latest = null;
    lastSentAt = now();
    inFlight = input
      .send(text)
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        inFlight = null;
        schedule();
      });
  }

  return {
    push(text: string) {
      latest = text;
      schedule();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}
