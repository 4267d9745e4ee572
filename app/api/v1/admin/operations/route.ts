import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { requireAdmin } from '@/lib/jobs/admin';
import { getOperationsEndpoint } from '@/lib/operations/endpoints';
import { operationsOverview } from '@/lib/operations/server/overview';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Admins: the operations page's figures (lib/operations/server/overview.ts). */
export const GET = handle(getOperationsEndpoint, async ({ user }) => {
  const store = await getStore();
  await requireAdmin({ store, user });
  return json(await operationsOverview(store));
});

export * from '@/lib/openapi/methods-not-taken';
