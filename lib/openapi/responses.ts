import { z } from 'zod';

// Kept where the route tests import them from; the schemas live with their feature.
export { apiTokenSchema } from '@/lib/auth/wire';
export { meSchema, publicUserSchema } from '@/lib/users/wire';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  uptime: z.number(),
  version: z.string(),
  checks: z.record(
    z.string(),
    z.object({
      status: z.enum(['up', 'down']),
      latencyMs: z.number(),
      error: z.string().optional(),
    }),
  ),
  breakers: z
    .record(
      z.string(),
      z.object({
        status: z.enum(['closed', 'open', 'half-open']),
        retryAt: z.string().nullable(),
      }),
    )
    .optional()
    .describe('Circuit breaker per outside dependency; an open one degrades the status (200)'),
  degradedBy: z
    .array(z.string())
    .optional()
    .describe(
      'Dependencies whose breakers are not closed, and services worked around ("qstash (fallback)")',
    ),
  fallbacks: z
    .record(z.string(), z.object({ since: z.string(), message: z.string() }))
    .optional()
    .describe(
      'Managed services worked around right now: QStash quota exhausted (jobs run in-process), Upstash unavailable (rate limits per instance)',
    ),
});
