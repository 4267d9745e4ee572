import { defineEndpoint } from '@/lib/api/endpoint';

import { jobIdParamsSchema, jobResponseSchema, jobsQuerySchema, jobsResponseSchema } from './wire';

/** The jobs page's API: admins only (the first person who signed up, or ADMIN_EMAILS). */

const adminsOnly = { forbidden: 'Not an admin' };

export const listJobsEndpoint = defineEndpoint({
  operationId: 'listJobs',
  method: 'GET',
  path: '/api/v1/admin/jobs',
  tag: 'Admin',
  summary:
    'Background jobs in one state (default: pending, running and failed), newest first, with counts per state',
  auth: 'session-or-token',
  query: jobsQuerySchema,
  responses: { 200: { description: 'Jobs', schema: jobsResponseSchema } },
  errors: adminsOnly,
});

export const retryJobEndpoint = defineEndpoint({
  operationId: 'retryJob',
  method: 'POST',
  path: '/api/v1/admin/jobs/{id}/retry',
  tag: 'Admin',
  summary: 'Queue a failed job again (attempts from zero; 409 unless it failed)',
  auth: 'session-or-token',
  params: jobIdParamsSchema,
  responses: { 200: { description: 'Queued again', schema: jobResponseSchema } },
  errors: { ...adminsOnly, conflict: 'The job has not failed, or changed meanwhile' },
});
