import { json, route } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { listJobsForAdmin } from '@/lib/jobs/admin';
import { hasJobsSecret, jobsUnauthorized } from '@/lib/jobs/verify';
import { jobsQuerySchema } from '@/lib/jobs/wire';

export const runtime = 'nodejs';

/** `npm run jobs`: the jobs needing attention (or one state) and counts, for JOBS_SECRET holders. */
export const GET = route({ query: jobsQuerySchema }, async ({ req, query }) => {
  if (!hasJobsSecret(req.headers)) throw jobsUnauthorized();
  return json(
    await listJobsForAdmin({ store: await getStore(), state: query.state, limit: query.limit }),
  );
});
