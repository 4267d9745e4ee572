import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { JobsAdmin } from '@/components/admin/jobs-admin';
import { requireUser } from '@/lib/auth/server/current-user';
import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { isAdmin, listJobsForAdmin } from '@/lib/jobs/admin';

export const metadata: Metadata = { title: 'Jobs' };

/** Background jobs, for admins (lib/jobs/admin.ts); everyone else gets the 404 page. */
export default async function JobsPage() {
  const user = await requireUser('/admin/jobs');
  const store = await getStore();
  if (!(await isAdmin({ store, user, adminEmails: env.ADMIN_EMAILS }))) notFound();
  const initial = await listJobsForAdmin({ store, state: undefined, limit: 100 });
  return (
    <main className="mx-auto flex w-full min-w-0 max-w-5xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Jobs</h1>
        <p className="text-sm text-muted">
          Notifications, emails and assistant replies run as background jobs. A failed job has used
          all its attempts; retry it once the cause is fixed.
        </p>
      </div>
      <JobsAdmin initial={initial} />
    </main>
  );
}
