import 'server-only';

import type { Store } from '@/lib/db/store';

import { readConnectedSockets } from '@/lib/realtime/server/publish';
import { allBreakerStatuses, DEPENDENCIES } from '@/lib/resilience/breakers';

import { breakerState, jobsQueued, oldestDueJobAge, realtimeSockets } from './metrics';
import { recentActivity } from './recent';
import { metricsRegistry } from './registry';

type StateDeps = {
  store: Pick<Store, 'countJobs' | 'oldestDueRunAt'>;
  now?: Date;
  /** The connected sockets, from the rooms (null: they could not be asked). */
  sockets?: () => Promise<number | null>;
};

/**
 * Reads the connected sockets into the gauge and the last hour, and answers the reading (null:
 * the rooms did not answer, and neither changes).
 */
export async function sampleSockets(
  read: () => Promise<number | null> = readConnectedSockets,
): Promise<number | null> {
  const sockets = await read();
  if (sockets === null) return null;
  realtimeSockets.set(sockets);
  recentActivity().sample('sockets', sockets);
  return sockets;
}

/**
 * Renders the Prometheus text. Gauges that describe state (the job backlog in the store, the
 * circuit breakers, the sockets the rooms count) are read here, once per scrape, not kept up to date on every change.
 */
export async function renderMetrics(
  deps: StateDeps,
): Promise<{ text: string; contentType: string }> {
  await refreshStateGauges(deps);
  const registry = metricsRegistry();
  return { text: await registry.metrics(), contentType: registry.contentType };
}

/** Reads the state gauges (job backlog, sockets, breakers) now: before a scrape or an OTLP push. */
export async function refreshStateGauges(deps: StateDeps): Promise<void> {
  const now = deps.now ?? new Date();
  const states = ['pending', 'running', 'failed'] as const;
  const [, oldest, ...counts] = await Promise.all([
    sampleSockets(deps.sockets),
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
 * Reads the job backlog and the connected sockets once a minute into the operations page's last
 * hour (a scrape or the page reads them too), so they have a history without Prometheus. One
 * count query and one request to the sockets room a minute.
 */
export function startStateSampler(
  store: () => Promise<Pick<Store, 'countJobs'>>,
  sockets: () => Promise<number | null> = readConnectedSockets,
): () => void {
  const read = async () => {
    await sampleSockets(sockets);
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
