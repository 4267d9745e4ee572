import 'server-only';

import type { Store } from '@/lib/db/store';

import { jobsQueued } from './metrics';
import { metricsRegistry } from './registry';

/**
 * Renders the Prometheus text. Gauges that describe the store (the job backlog) are read here,
 * once per scrape, not kept up to date on every write.
 */
export async function renderMetrics(deps: {
  store: Pick<Store, 'countJobs'>;
}): Promise<{ text: string; contentType: string }> {
  const states = ['pending', 'running', 'failed'] as const;
  const counts = await Promise.all(states.map((state) => deps.store.countJobs({ state })));
  states.forEach((state, i) => jobsQueued.set({ state }, counts[i] ?? 0));
  const registry = metricsRegistry();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
