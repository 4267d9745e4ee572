import type { JobDefinition } from './define';

/** Job name → definition. The app's is `workers` in workers/index.ts; tests pass their own. */
export type JobRegistry = Readonly<Record<string, JobDefinition>>;

/**
 * The app's workers, loaded when first needed. Workers import lib/chat, and lib/chat enqueues
 * jobs, so modules on that path import the registry's types only and reach the definitions
 * through this dynamic import, which never runs while those modules are still loading.
 */
export async function loadWorkers(): Promise<JobRegistry> {
  const { workers } = await import('@/workers');
  return workers;
}
