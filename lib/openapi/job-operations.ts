import { jobResponseSchema, jobsQuerySchema, jobsResponseSchema } from '@/lib/jobs/wire';

import type { Operation } from './operations';

/** The jobs page's API: admins only (the first person who signed up, or ADMIN_EMAILS). */
export const jobOperations: Operation[] = [
  {
    method: 'get',
    path: '/admin/jobs',
    tag: 'Admin',
    summary:
      'Background jobs in one state (default: pending, running and failed), newest first, with counts per state',
    auth: true,
    query: jobsQuerySchema,
    response: { status: 200, schema: jobsResponseSchema, description: 'Jobs' },
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/admin/jobs/{id}/retry',
    tag: 'Admin',
    summary: 'Queue a failed job again (attempts from zero; 409 unless it failed)',
    auth: true,
    response: { status: 200, schema: jobResponseSchema, description: 'Queued again' },
    errors: [400, 401, 403, 404, 409],
  },
];
