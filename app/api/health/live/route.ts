import { json, route } from '@/lib/api/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Liveness for orchestrators (Kubernetes livenessProbe, Docker HEALTHCHECK): the process answers.
 * It deliberately checks no dependency, so a database outage makes pods unready (readiness) but
 * never gets them restarted in a loop; and it imports nothing that opens the store.
 */
export const GET = route({}, async () =>
  json({ status: 'ok', uptime: Math.round(process.uptime()) }),
);
