/**
 * A read position counts as seen once it has been on screen for a moment (SEEN_DELAY_MS): the
 * list settles after opening (measuring, scrolling to the first unread) and a position that only
 * flashed by while scrolling is not read. Leaving sooner than that still counts what was on
 * screen: someone who opens a conversation and moves on at once has seen it, and their badge must
 * not come back (the open conversation hides its own badge, so they would never know why).
 */
export const SEEN_DELAY_MS = 300;

export type SeenDelay = {
  /** On screen now: `seen` runs after the delay unless something newer replaces it. */
  schedule(seen: () => void): void;
  /** No longer on screen (scrolled up, tab hidden, held unread): nothing waits. */
  cancel(): void;
  /** Stops the clock but keeps what waits (the view is re-rendering or going away). */
  pause(): void;
  /** Leaving: what was on screen and still waits counts now. */
  commit(): void;
};

export function createSeenDelay(
  deps: {
    delayMs?: number;
    setTimer?: (run: () => void, ms: number) => unknown;
    clearTimer?: (timer: unknown) => void;
  } = {},
): SeenDelay {
  const delayMs = deps.delayMs ?? SEEN_DELAY_MS;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let waiting: (() => void) | null = null;
  let timer: unknown = null;

  const pause = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const commit = () => {
    pause();
    const seen = waiting;
    waiting = null;
    seen?.();
  };

  return {
    schedule(seen) {
      pause();
      waiting = seen;
      timer = setTimer(commit, delayMs);
    },
    cancel() {
      pause();
      waiting = null;
    },
    pause,
    commit,
  };
}
