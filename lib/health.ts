import pkg from '@/package.json';
import { env } from '@/lib/env';

export type CheckResult = { status: 'up' | 'down'; latencyMs: number; error?: string };
export type Health = {
  status: 'ok' | 'degraded';
  uptime: number;
  version: string;
  checks: { store: CheckResult; realtime: CheckResult };
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
  probes: { store: Probe; realtime: Probe },
  timeoutMs = 2500,
): Promise<Health> {
  const [store, realtime] = await Promise.all([
    run(probes.store, timeoutMs),
    run(probes.realtime, timeoutMs),
  ]);
  return {
    status: store.status === 'up' && realtime.status === 'up' ? 'ok' : 'degraded',
    uptime: Math.round(process.uptime()),
    version: env.VERCEL_GIT_COMMIT_SHA
      ? `${pkg.version}+${env.VERCEL_GIT_COMMIT_SHA.slice(0, 7)}`
      : pkg.version,
    checks: { store, realtime },
  };
}
