import 'server-only';

import type { Store } from '@/lib/db/store';

import { allBreakerStatuses, DEPENDENCIES } from '@/lib/resilience/breakers';

import { breakerState, jobsQueued, oldestDueJobAge } from './metrics';
import { recentActivity } from './recent';
import { metricsRegistry } from './registry';

type StateDeps = { store: Pick<Store, 'countJobs' | 'oldestDueRunAt'>; now?: Date };

/**
 * Renders the Prometheus text. Gauges that describe state (the job backlog in the store, the
 * circuit breakers) are read here, once per scrape, not kept up to date on every change.
 */
export async function renderMetrics(
  deps: StateDeps,
): Promise<{ text: string; contentType: string }> {
  await refreshStateGauges(deps);
  const registry = metricsRegistry();
  return { text: await registry.metrics(), contentType: registry.contentType };
}

/** Reads the state gauges (job backlog, breakers) now: before a scrape or an OTLP push. */
export async function refreshStateGauges(deps: StateDeps): Promise<void> {
  const now = deps.now ?? new Date();
  const states = ['pending', 'running', 'failed'] as const;
  const [oldest, ...counts] = await Promise.all([
    deps.store.oldestDueRunAt({ now }),
    ...states.map((state) => deps.store.countJobs({ state })),
  ]);
  states.forEach((state, i) => jobsQueued.set({ state }, counts[i] ?? 0));
  recentActivity().sample('jobsPending', counts[0] ?? 0);
  oldestDueJobAge.set(oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0);
  const breakers = allBreakerStatuses();
  for (const dependency of DEPENDENCIES) {
    const status = breakers[dependency];
    breakerState.set({ dependency }, status === 'closed' ? 0 : status === 'half-open' ? 1 : 2);
  }
}

/**
 * Reads the job backlog once a minute into the operations page's last hour (a scrape or the page
 * reads it too), so the backlog has a history without Prometheus. One count query a minute.
 */
export function startBacklogSampler(store: () => Promise<Pick<Store, 'countJobs'>>): () => void {
  const read = async () => {
    try {
      recentActivity().sample('jobsPending', await (await store()).countJobs({ state: 'pending' }));
    } catch {
      // The store is down: /api/health says so; the minute stays without a reading.
    }
  };
  void read();
  const timer = setInterval(() => void read(), 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
