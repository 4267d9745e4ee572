/** The first retry waits about this long; each later one twice the one before. */
export const BACKOFF_BASE_MS = 1_000;
/** No retry waits longer than this, however many attempts failed. */
export const BACKOFF_CAP_MS = 10 * 60_000;
/** ± this fraction, so jobs that failed together do not all retry in the same instant. */
export const BACKOFF_JITTER = 0.2;

/**
 * How long to wait after failed attempt number `attempt` (1 for the first): base × 2^(attempt−1),
 * with ±20 % jitter, capped at 10 minutes. `baseMs` is shortened by tests; `random` makes the
 * jitter deterministic there.
 */
export function backoffDelayMs({
  attempt,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
  random = Math.random,
}: {
  attempt: number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}): number {
  // The exponent is clamped first: 2^1000 is Infinity, and Infinity × 0.8 stays Infinity.
  const exponent = Math.min(Math.max(attempt, 1) - 1, 40);
  const raw = Math.min(capMs, baseMs * 2 ** exponent);
  const jittered = raw * (1 + (random() * 2 - 1) * BACKOFF_JITTER);
  return Math.round(Math.min(capMs, Math.max(0, jittered)));
}
