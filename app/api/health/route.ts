import { handlePublic } from '@/lib/api/handle-public';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { checkHealth } from '@/lib/health';
import { healthEndpoint } from '@/lib/openapi/endpoints';
import { pingRealtime } from '@/lib/realtime/server/publish';
import { readSupervisorState } from '@/lib/supervisor-state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handlePublic(healthEndpoint, async () => {
  const health = await checkHealth({
    store: () => getStore().then((s) => s.ping()),
    realtime: () => pingRealtime(),
    supervisor: () => readSupervisorState(),
  });
  return json(health, health.status === 'ok' ? 200 : 503);
});
