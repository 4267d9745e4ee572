import 'server-only';

import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  retry,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';

/**
 * One circuit breaker per outside dependency that can fail slowly or repeatedly. After
 * `failures` consecutive failures a breaker opens: calls fail at once with BrokenCircuitError
 * instead of waiting on a dead service; after `halfOpenAfterMs` one call probes, and its result
 * closes or re-opens it. Retries (with decorrelated jitter) only where a repeat is harmless.
 * Breakers live on globalThis: Next.js bundles routes and instrumentation separately, and every
 * bundle must see the same state.
 */
export const DEPENDENCIES = ['ai', 'push', 'smtp', 'qstash', 'upstash', 'partykit'] as const;
export type Dependency = (typeof DEPENDENCIES)[number];
export type BreakerStatus = 'closed' | 'open' | 'half-open';

export type Settings = { failures: number; halfOpenAfterMs: number; retries: number };

const SETTINGS: Record<Dependency, Settings> = {
  // A streamed answer costs tokens: never repeated here; the job decides.
  ai: { failures: 3, halfOpenAfterMs: 30_000, retries: 0 },
  // Push and email are jobs: the job retries later (with backoff) instead of hammering now.
  push: { failures: 5, halfOpenAfterMs: 30_000, retries: 0 },
  smtp: { failures: 3, halfOpenAfterMs: 60_000, retries: 0 },
  // The QStash client retries its own requests (lib/jobs/qstash.ts): no second layer here.
  qstash: { failures: 5, halfOpenAfterMs: 15_000, retries: 0 },
  // Room events that receivers de-duplicate by seq: a repeat is harmless, so one quick retry
  // absorbs a blip.
  partykit: { failures: 5, halfOpenAfterMs: 5_000, retries: 1 },
  // A rate-limit INCR is not idempotent: no retry (the limiter falls back instead).
  upstash: { failures: 5, halfOpenAfterMs: 15_000, retries: 0 },
};

export type Breaker = {
  dependency: Dependency;
  policy: IPolicy;
  circuit: CircuitBreakerPolicy;
  /** When an open breaker lets the next probe through (null unless open). */
  retryAt: Date | null;
};

type Listener = (dependency: Dependency, status: BreakerStatus) => void;
const slot = globalThis as unknown as {
  __parleyBreakers?: Map<Dependency, Breaker>;
  __parleyBreakerListeners?: Set<Listener>;
};

const statusOf = (state: CircuitState): BreakerStatus =>
  state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'half-open' : 'open';

/** A breaker with its own settings (breakerFor() keeps one per dependency with the defaults). */
export function createBreaker(dependency: Dependency, settings: Settings): Breaker {
  const circuit = circuitBreaker(handleAll, {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.failures),
  });
  const breaker: Breaker = { dependency, circuit, policy: circuit, retryAt: null };
  if (settings.retries > 0) {
    breaker.policy = wrap(
      retry(handleAll, {
        maxAttempts: settings.retries,
        backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
      }),
      circuit,
    );
  }
  circuit.onStateChange((state) => {
    breaker.retryAt =
      state === CircuitState.Open ? new Date(Date.now() + settings.halfOpenAfterMs) : null;
    for (const listener of slot.__parleyBreakerListeners ?? [])
      listener(dependency, statusOf(state));
  });
  return breaker;
}

export function breakerFor(dependency: Dependency): Breaker {
  slot.__parleyBreakers ??= new Map();
  let breaker = slot.__parleyBreakers.get(dependency);
  if (!breaker) {
    breaker = createBreaker(dependency, SETTINGS[dependency]);
    slot.__parleyBreakers.set(dependency, breaker);
  }
  return breaker;
}

/** Runs `fn` through the dependency's breaker (and its retry, where one is safe). */
export function guarded<T>(dependency: Dependency, fn: (signal: AbortSignal) => Promise<T>) {
  return runThrough(breakerFor(dependency), fn);
}

export function runThrough<T>(breaker: Breaker, fn: (signal: AbortSignal) => Promise<T>) {
  return breaker.policy.execute(({ signal }) => fn(signal));
}

export function breakerStatus(dependency: Dependency): {
  status: BreakerStatus;
  retryAt: Date | null;
} {
  const breaker = breakerFor(dependency);
  return { status: statusOf(breaker.circuit.state), retryAt: breaker.retryAt };
}

/** Every breaker's state, for /api/health, the metrics and the operations page. */
export function allBreakerStatuses(): Record<Dependency, BreakerStatus> {
  return Object.fromEntries(DEPENDENCIES.map((d) => [d, breakerStatus(d).status])) as Record<
    Dependency,
    BreakerStatus
  >;
}

/** Every breaker with when an open one probes next, as /api/health reports them. */
export function breakerReports(): Record<
  Dependency,
  { status: BreakerStatus; retryAt: string | null }
> {
  return Object.fromEntries(
    DEPENDENCIES.map((d) => {
      const { status, retryAt } = breakerStatus(d);
      return [d, { status, retryAt: retryAt?.toISOString() ?? null }];
    }),
  ) as Record<Dependency, { status: BreakerStatus; retryAt: string | null }>;
}

/**
 * Forgets a breaker's failures and closes it at once: for an operator who fixed the cause and
 * does not want to wait for the half-open probe (and for tests that start from a closed state).
 */
export function resetBreaker(dependency: Dependency): void {
  slot.__parleyBreakers?.delete(dependency);
}

export function onBreakerChange(listener: Listener): () => void {
  slot.__parleyBreakerListeners ??= new Set();
  slot.__parleyBreakerListeners.add(listener);
  return () => slot.__parleyBreakerListeners?.delete(listener);
}
