/**
 * When a conversation's read position is written (`POST /conversations/:id/read`).
 *
 * Read marks were the largest share of a team's function invocations (#19): one per message
 * seen while looking at a conversation. The receipts people see are live without them: the
 * browser announces each position on the conversation room's socket, which relays it to everyone
 * else looking (lib/rooms/conversation.ts). So a position seen while staying in a conversation
 * with the room open ("live") waits up to READ_PERSIST_DELAY_MS and later ones replace it;
 * leaving the conversation, hiding the tab or closing the page writes it at once (with
 * `keepalive`), and so does the first position after opening it (its unread count clears on
 * every device), one that nobody heard live, or one that clears an unread notification.
 * A failed write keeps the position waiting and tries again, so the final one is never dropped
 * while the page lives; what a crash can lose is at most the last delay's worth, which the next
 * visit writes again.
 */
export const READ_PERSIST_DELAY_MS = 2 * 60_000;

export type ReadMarkWriter = (seq: number, options: { keepalive: boolean }) => Promise<unknown>;

export type ReadMarks = {
  /** A position seen on screen; `live` when the room relayed it, so the write may wait. */
  mark(seq: number, options: { live: boolean }): void;
  /** Writes the waiting position now, if any (leaving, hidden tab, page going away). */
  flush(options?: { keepalive: boolean }): void;
  /**
   * Forgets the waiting position and what was written (marked unread: the server position moved
   * back, and an earlier mark must not be written over it).
   */
  reset(): void;
  /** The position waiting to be written, or null. */
  waiting(): number | null;
};

export function createReadMarks(deps: {
  write: ReadMarkWriter;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}): ReadMarks {
  const delayMs = deps.delayMs ?? READ_PERSIST_DELAY_MS;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let waiting: number | null = null;
  /** The highest position written or being written; marks at or below it change nothing. */
  let written = 0;
  let timer: unknown = null;
  /** Bumped by reset(), so a write that fails after it does not bring its position back. */
  let generation = 0;

  const stopTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const startTimer = () => {
    timer ??= setTimer(() => {
      timer = null;
      flush();
    }, delayMs);
  };

  const flush = (options: { keepalive: boolean } = { keepalive: false }) => {
    stopTimer();
    if (waiting === null) return;
    const seq = waiting;
    const before = written;
    const started = generation;
    waiting = null;
    written = Math.max(written, seq);
    deps.write(seq, options).catch(() => {
      if (started !== generation) return;
      // Not written: wait again (unless a later position is already waiting) and retry.
      if (written === seq) written = before;
      waiting = Math.max(waiting ?? 0, seq);
      startTimer();
    });
  };

  return {
    mark(seq, { live }) {
      if (seq > written && (waiting === null || seq > waiting)) waiting = seq;
      if (waiting === null) return;
      if (live) startTimer();
      else flush();
    },
    flush,
    reset() {
      stopTimer();
      generation++;
      waiting = null;
      written = 0;
    },
    waiting: () => waiting,
  };
}
