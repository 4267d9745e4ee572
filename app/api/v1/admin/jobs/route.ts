import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { listJobsForAdmin, requireAdmin } from '@/lib/jobs/admin';
import { listJobsEndpoint } from '@/lib/jobs/endpoints';

export const runtime = 'nodejs';

/** Admins: jobs in one state (default: pending, running and failed), newest first, and counts. */
export const GET = handle(listJobsEndpoint, async ({ user, query }) => {
  const store = await getStore();
  await requireAdmin({ store, user });
  return json(await listJobsForAdmin({ store, state: query.state, limit: query.limit }));
});

export * from '@/lib/openapi/methods-not-taken';
