import { json, route } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { checkHealth } from '@/lib/health';
import { pingRealtime } from '@/lib/realtime/server/publish';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Readiness for orchestrators and uptime monitors: 200 when the store and the realtime server
 * answer, 503 otherwise, so a load balancer stops sending traffic to an instance that cannot
 * serve it. The body names only each check's state (no error text: it is often public).
 */
export const GET = route({}, async () => {
  const health = await checkHealth({
    store: () => getStore().then((s) => s.ping()),
    realtime: () => pingRealtime(),
  });
  const ready = health.status === 'ok';
  return json(
    {
      status: ready ? 'ready' : 'not_ready',
      checks: { store: health.checks.store.status, realtime: health.checks.realtime.status },
    },
    ready ? 200 : 503,
  );
});
