import pino from 'pino';

import { env } from '@/lib/env';

/** JSON lines on stdout; Vercel and any log drain read them as they are. */
export const log = pino({
  level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
  base: { service: 'parley' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
