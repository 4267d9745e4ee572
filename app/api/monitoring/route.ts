import { readLimited } from '@/lib/api/body';
import { route } from '@/lib/api/route';
import { clientEnv } from '@/lib/env';
import { tunnelTarget } from '@/lib/observability/tunnel';

export const runtime = 'nodejs';

/** Browser Sentry envelopes (errors, traces) relayed to the configured Sentry project. */
export const POST = route({}, async ({ req }) => {
  const envelope = new TextDecoder().decode(await readLimited(req, 256 * 1024));
  const target = tunnelTarget(envelope, clientEnv.NEXT_PUBLIC_SENTRY_DSN);
  const upstream = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-sentry-envelope' },
    body: envelope,
    signal: AbortSignal.timeout(5000),
  });
  return new Response(null, { status: upstream.ok ? 200 : 502 });
});
