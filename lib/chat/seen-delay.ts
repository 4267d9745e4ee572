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

export function createSeenDelay(): SeenDelay {
  let waiting: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pause = () => clearTimeout(timer);
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
      timer = setTimeout(commit, SEEN_DELAY_MS);
    },
    cancel() {
      pause();
      waiting = null;
    },
    pause,
    commit,
  };
}
