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
});
