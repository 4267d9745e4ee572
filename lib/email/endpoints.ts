import { z } from 'zod';

import { defineEndpoint } from '@/lib/api/endpoint';

/**
 * The unsubscribe page's call. Not part of the public /api/v1 document: the route also takes
 * RFC 8058 one-click form posts, so it reads its body itself (`body` here is the page's JSON).
 */
export const unsubscribeBodySchema = z.object({ token: z.string().min(1).max(4096) });

export const unsubscribeEndpoint = defineEndpoint({
  operationId: 'unsubscribeFromDigests',
  method: 'POST',
  path: '/api/email/unsubscribe',
  tag: 'Email',
  summary: 'Turn email digests off for the person the token names (no sign-in needed)',
  auth: 'none',
  body: unsubscribeBodySchema,
  responses: {
    200: {
      description: 'Digests are off',
      schema: z.object({ ok: z.literal(true), message: z.string() }),
    },
  },
  errors: {
    rate_limited: 'Too many unsubscribe requests from this address; see Retry-After',
  },
});
