import { json, route } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { retryFailedJob } from '@/lib/jobs/admin';
import { hasJobsSecret, jobsUnauthorized } from '@/lib/jobs/verify';
import { jobIdParamsSchema, presentJob } from '@/lib/jobs/wire';

export const runtime = 'nodejs';

/**
 * `npm run jobs -- retry <id>`: a failed job back to the queue, for JOBS_SECRET holders. "retry"
 * is therefore not a job name (its folder shadows /api/jobs/[name] for it).
 */
export const POST = route({ params: jobIdParamsSchema }, async ({ req, params }) => {
  if (!hasJobsSecret(req.headers)) throw jobsUnauthorized();
  const job = await retryFailedJob({ store: await getStore(), id: params.id });
  return json({ job: presentJob(job) });
});
