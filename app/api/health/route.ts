import { json, route } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { checkHealth } from '@/lib/health';
import { pingRealtime } from '@/lib/realtime/server';
import { readSupervisorState } from '@/lib/supervisor-state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, async () => {
  const health = await checkHealth({
    store: () => getStore().then((s) => s.ping()),
    realtime: () => pingRealtime(),
    supervisor: () => readSupervisorState(),
  });
  return json(health, health.status === 'ok' ? 200 : 503);
});
