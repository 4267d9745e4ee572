import { z } from 'zod';

import { ApiError } from '@/lib/api/errors';

/**
 * Where a browser's Sentry envelope goes. The envelope's first line names its DSN; only the DSN
 * this deployment was built with is forwarded, so the tunnel can never be used to send traffic
 * to another host (an open relay).
 */
const envelopeHeaderSchema = z.object({ dsn: z.url() });

export function tunnelTarget(envelope: string, configuredDsn: string | undefined): URL {
  if (!configuredDsn) throw new ApiError('not_found', 'Error reporting is not configured.');
  const newline = envelope.indexOf('\n');
  const firstLine = newline < 0 ? envelope : envelope.slice(0, newline);
  let header: unknown;
  try {
    header = JSON.parse(firstLine);
  } catch {
    throw new ApiError('bad_request', 'Send a Sentry envelope: its first line is a JSON header.');
  }
  const parsed = envelopeHeaderSchema.safeParse(header);
  if (!parsed.success) throw new ApiError('bad_request', 'The envelope header has no DSN.');
  const given = new URL(parsed.data.dsn);
  const expected = new URL(configuredDsn);
  if (given.host !== expected.host || given.pathname !== expected.pathname) {
    throw new ApiError('forbidden', 'That DSN is not this deployment’s.');
  }
  const projectId = expected.pathname.replace(/^\/+|\/+$/g, '');
  return new URL(`${expected.protocol}//${expected.host}/api/${projectId}/envelope/`);
}
