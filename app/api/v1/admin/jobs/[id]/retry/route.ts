import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { requireAdmin, retryFailedJob } from '@/lib/jobs/admin';
import { retryJobEndpoint } from '@/lib/jobs/endpoints';
import { presentJob } from '@/lib/jobs/wire';

export const runtime = 'nodejs';

/** Admins: a failed job back to the queue (404 unknown, 409 not failed). */
export const POST = handle(retryJobEndpoint, async ({ user, params }) => {
  const store = await getStore();
  await requireAdmin({ store, user });
  return json({ job: presentJob(await retryFailedJob({ store, id: params.id })) });
});

export * from '@/lib/openapi/methods-not-taken';
