import pino from 'pino';

import { env } from '@/lib/env';
import { logFields } from '@/lib/observability/context';

/**
 * JSON lines on stdout; Vercel and any log drain read them as they are. Each line written while
 * handling traced work (a request, a job) carries its trace_id, span_id and request_id.
 */
export const log = pino({
  level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
  base: { service: 'parley' },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: logFields,
});
