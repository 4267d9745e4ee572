import pkg from '@/package.json';
import { env } from '@/lib/env';
import type { ProcessState, SupervisorState } from '@/lib/supervisor-state';

export type CheckResult = {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
  /** From the local supervisor (scripts/run.mjs), when one runs this process. */
  process?: Pick<ProcessState, 'status' | 'restarts' | 'lastRestartAt' | 'lastReason'>;
};
/** A circuit breaker's state as /api/health reports it (lib/resilience/breakers.ts). */
export type BreakerReport = { status: 'closed' | 'open' | 'half-open'; retryAt: string | null };
export type Health = {
  status: 'ok' | 'degraded';
  uptime: number;
  version: string;
  checks: { store: CheckResult; realtime: CheckResult };
  /** Every supervised process (`realtime`, `next`) as scripts/run.mjs last saw it. */
  processes?: SupervisorState['processes'];
  /** Every outside dependency's breaker; an open one degrades the report but it stays 200. */
  breakers?: Record<string, BreakerReport>;
  /** The dependencies whose breakers are open or half-open (empty when all are closed). */
  degradedBy?: string[];
  /** Managed services worked around right now (a used-up quota, lib/budget/fallbacks.ts). */
  fallbacks?: Record<string, { since: string; message: string }>;
};

type Probe = () => Promise<void>;

async function run(probe: Probe, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs} ms`)),
          timeoutMs,
        ).unref?.(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: err instanceof Error ? err.message : 'unknown error',
    };
  }
}

/** Whether a check is down (503), as opposed to degraded by a breaker only (still 200). */
export function isDown(health: Health): boolean {
  return health.checks.store.status === 'down' || health.checks.realtime.status === 'down';
}

/**
 * Probes each dependency in parallel; any one down makes the whole report degraded (and the
 * route answers 503). An open or half-open breaker degrades it too, naming the dependency, but
 * the instance still serves (the breaker answers for that dependency), so that stays a 200.
 */
export async function checkHealth(
  probes: {
    store: Probe;
    realtime: Probe;
    supervisor?: () => Promise<SupervisorState | null>;
    breakers?: () => Record<string, BreakerReport>;
    fallbacks?: () => Record<string, { since: string; message: string }>;
  },
  timeoutMs = 2500,
): Promise<Health> {
  const [store, realtimeProbe, supervisor] = await Promise.all([
    run(probes.store, timeoutMs),
    run(probes.realtime, timeoutMs),
    probes.supervisor?.().catch(() => null) ?? null,
  ]);
  // A realtime process the supervisor is restarting says so ("down, restarting").
  const realtimeProcess = supervisor?.processes.realtime;
  const realtime: CheckResult = realtimeProcess
    ? { ...realtimeProbe, process: realtimeProcess }
    : realtimeProbe;
  const breakers = probes.breakers?.();
  const fallbacks = probes.fallbacks?.() ?? {};
  const degradedBy = [
    ...(breakers ? Object.keys(breakers).filter((d) => breakers[d]!.status !== 'closed') : []),
    ...Object.keys(fallbacks).map((service) => `${service} (fallback)`),
  ];
  const up = store.status === 'up' && realtime.status === 'up';
  return {
    status: up && degradedBy.length === 0 ? 'ok' : 'degraded',
    uptime: Math.round(process.uptime()),
    version: env.VERCEL_GIT_COMMIT_SHA
      ? `${pkg.version}+${env.VERCEL_GIT_COMMIT_SHA.slice(0, 7)}`
      : pkg.version,
    checks: { store, realtime },
    ...(supervisor ? { processes: supervisor.processes } : {}),
    ...(breakers ? { breakers, degradedBy } : {}),
    ...(Object.keys(fallbacks).length > 0 ? { fallbacks, degradedBy } : {}),
  };
}
