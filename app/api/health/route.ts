import { handlePublic } from '@/lib/api/handle-public';
import { fallbackReports } from '@/lib/budget/fallbacks';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { checkHealth, isDown } from '@/lib/health';
import { healthEndpoint } from '@/lib/openapi/endpoints';
import { pingRealtime } from '@/lib/realtime/server/publish';
import { breakerReports } from '@/lib/resilience/breakers';
import { readSupervisorState } from '@/lib/supervisor-state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handlePublic(healthEndpoint, async () => {
  const health = await checkHealth({
    store: () => getStore().then((s) => s.ping()),
    realtime: () => pingRealtime(),
    supervisor: () => readSupervisorState(),
    breakers: breakerReports,
    fallbacks: () => fallbackReports(),
  });
  // An open breaker is "degraded" but the instance still serves: 503 only for a check down.
  return json(health, isDown(health) ? 503 : 200);
});
