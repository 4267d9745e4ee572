/**
 * Typing indicators: the line under the message list, and the composer side that tells the room.
 */

/** '' | 'Ana is typing…' | 'Ana and Ben are typing…' | 'Ana, Ben and Cy are typing…' | 'Several…'. */
export function typingLabel(names: readonly string[]): string {
  const [a, b, c] = names;
  switch (names.length) {
    case 0:
      return '';
    case 1:
      return `${a} is typing…`;
    case 2:
      return `${a} and ${b} are typing…`;
    case 3:
      return `${a}, ${b} and ${c} are typing…`;
    default:
      return 'Several people are typing…';
  }
}

export type TypingState = 'start' | 'stop';

export type TypingThrottle = {
  /** Call on every input event in the composer. */
  keystroke: () => void;
  /** Call when the message is sent or the text cleared: tells the room at once. */
  stop: () => void;
  /** Call on unmount: stops (if typing) and clears the idle timer. */
  dispose: () => void;
};

/**
 * Receivers drop a typing indicator that is not refreshed, so while someone keeps typing we re-send
 * 'start' — but at most every `intervalMs`, never per keystroke (the room rate-limits frames).
 * After `idleMs` without a keystroke the person has paused: send 'stop' rather than let it linger.
 */
export function createTypingThrottle({
  intervalMs = 2000,
  idleMs = 5000,
  send,
  now = () => Date.now(),
}: {
  intervalMs?: number;
  idleMs?: number;
  send: (state: TypingState) => void;
  now?: () => number;
}): TypingThrottle {
  let typing = false;
  let lastStartAt = -Infinity;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  function clearIdle() {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
  }

  function stop() {
    clearIdle();
    if (!typing) return;
    typing = false;
    lastStartAt = -Infinity;
    send('stop');
  }

  function keystroke() {
    const at = now();
    if (!typing || at - lastStartAt >= intervalMs) {
      typing = true;
      lastStartAt = at;
      send('start');
    }
    clearIdle();
    idleTimer = setTimeout(stop, idleMs);
  }

  return { keystroke, stop, dispose: stop };
}
