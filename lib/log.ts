import pino, { type LoggerOptions } from 'pino';

import { env } from '@/lib/env';
import { logFields } from '@/lib/observability/context';

/**
 * How every Parley log line is made: JSON, an ISO time, and, while traced work (a request, a
 * job) is running, its trace_id, span_id and request_id (lib/observability/context.ts).
 */
export const logOptions: LoggerOptions = {
  base: { service: 'parley' },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: logFields,
};

/** JSON lines on stdout; Vercel and any log drain read them as they are. */
export const log = pino({
  ...logOptions,
  level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
});
