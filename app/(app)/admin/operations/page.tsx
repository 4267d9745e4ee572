import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { OperationsPage } from '@/components/admin/operations-page';
import { requireUser } from '@/lib/auth/server/current-user';
import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { isAdmin } from '@/lib/jobs/admin';
import { operationsOverview } from '@/lib/operations/server/overview';

export const metadata: Metadata = { title: 'Operations' };
export const dynamic = 'force-dynamic';

/** How this Parley is doing, for admins (lib/operations); everyone else gets the 404 page. */
export default async function OperationsRoute() {
  const user = await requireUser('/admin/operations');
  const store = await getStore();
  if (!(await isAdmin({ store, user, adminEmails: env.ADMIN_EMAILS }))) notFound();
  const initial = await operationsOverview(store);
  return (
    <main className="mx-auto flex w-full min-w-0 max-w-5xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Operations</h1>
        <p className="text-sm text-muted">
          The last hour of this server process, usage over 30 days, and the outside dependencies.
          Prometheus and Grafana keep the long history (README, Operations).
        </p>
      </div>
      <OperationsPage initial={initial} />
    </main>
  );
}
