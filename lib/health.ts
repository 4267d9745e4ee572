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
export type Health = {
  status: 'ok' | 'degraded';
  uptime: number;
  version: string;
  checks: { store: CheckResult; realtime: CheckResult };
  /** Every supervised process (`realtime`, `next`) as scripts/run.mjs last saw it. */
  processes?: SupervisorState['processes'];
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

/** Probes each dependency in parallel; any one down makes the whole report degraded (503). */
export async function checkHealth(
  probes: { store: Probe; realtime: Probe; supervisor?: () => Promise<SupervisorState | null> },
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
  return {
    status: store.status === 'up' && realtime.status === 'up' ? 'ok' : 'degraded',
    uptime: Math.round(process.uptime()),
    version: env.VERCEL_GIT_COMMIT_SHA
      ? `${pkg.version}+${env.VERCEL_GIT_COMMIT_SHA.slice(0, 7)}`
      : pkg.version,
    checks: { store, realtime },
    ...(supervisor ? { processes: supervisor.processes } : {}),
  };
}
