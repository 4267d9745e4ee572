import { bearerMatches } from '@/lib/api/bearer';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { renderMetrics } from '@/lib/metrics/collect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Prometheus text for a scraper holding `Authorization: Bearer $METRICS_TOKEN`. Without a token
 * configured, a production server hides the route (404) and a development server serves it.
 */
export const GET = route({}, async ({ req }) => {
  if (!env.METRICS_TOKEN) {
    if (env.NODE_ENV === 'production') throw new ApiError('not_found', 'Not found.');
  } else if (!bearerMatches(req.headers, env.METRICS_TOKEN)) {
    throw new ApiError('unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>.');
  }
  const { text, contentType } = await renderMetrics({ store: await getStore() });
  return new Response(text, {
    headers: { 'content-type': contentType, 'cache-control': 'no-store' },
  });
});
