import { defineEndpoint } from '@/lib/api/endpoint';

import { operationsSchema, testErrorSchema } from './wire';

/** The operations page's API: admins only (the first person who signed up, or ADMIN_EMAILS). */

const adminsOnly = { forbidden: 'Not an admin' };

export const getOperationsEndpoint = defineEndpoint({
  operationId: 'getOperations',
  method: 'GET',
  path: '/api/v1/admin/operations',
  tag: 'Admin',
  summary:
    'The last hour of this server (requests, errors, latency, messages, jobs), 30 days of usage, circuit breakers and whether Sentry is on',
  auth: 'session-or-token',
  responses: { 200: { description: 'Operations overview', schema: operationsSchema } },
  errors: adminsOnly,
});

export const sendTestErrorEndpoint = defineEndpoint({
  operationId: 'sendTestError',
  method: 'POST',
  path: '/api/v1/admin/operations/test-error',
  tag: 'Admin',
  summary:
    'Raise a server error on purpose (reported to Sentry when it is on) and ask a room to fail too, so an operator can check that errors arrive',
  auth: 'session-or-token',
  responses: { 200: { description: 'What was reported', schema: testErrorSchema } },
  errors: adminsOnly,
  rateLimit: {
    name: 'admin:test-error',
    rule: { limit: 5, windowMs: 60_000 },
    what: 'test errors',
  },
});
