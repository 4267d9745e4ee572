import { z } from 'zod';

import { defineEndpoint } from '@/lib/api/endpoint';

import { healthSchema } from './responses';

/** The document itself, and the health probe it also describes. */

export const openApiDocumentEndpoint = defineEndpoint({
  operationId: 'getOpenApiDocument',
  method: 'GET',
  path: '/api/v1/openapi.json',
  tag: 'Meta',
  summary: 'This OpenAPI 3.1 document',
  auth: 'none',
  responses: {
    200: {
      description: 'The document',
      schema: z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
    },
  },
});

export const healthEndpoint = defineEndpoint({
  operationId: 'getHealth',
  method: 'GET',
  path: '/api/health',
  tag: 'Health',
  summary:
    'Health of the app and its dependencies (503 naming the failing check; 200 “degraded” naming an open circuit breaker)',
  auth: 'none',
  responses: {
    200: {
      description:
        'Healthy, or degraded by an open circuit breaker or a used-up quota (`degradedBy`, `fallbacks`)',
      schema: healthSchema,
    },
    503: { description: 'A dependency is down; its check says why', schema: healthSchema },
  },
});
