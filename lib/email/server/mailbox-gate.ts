import 'server-only';

import { notFound, redirect } from 'next/navigation';

import { getCurrentUser } from '@/lib/auth/server/current-user';
import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { isAdmin } from '@/lib/jobs/admin';

import { mailboxAccess } from './mailbox-access';

/**
 * For the mailbox pages: returns when the caller may read the outbox, 'smtp' when there is no
 * outbox (the page says so in development), else sign-in or a 404 (the page does not exist for
 * people who may not see it).
 */
export async function requireMailboxAccess(path: string): Promise<'ok' | 'smtp'> {
  const production = env.NODE_ENV === 'production';
  const access = await mailboxAccess({
    smtpConfigured: Boolean(env.SMTP_URL),
    production,
    // Read only when it matters, so development needs no account.
    user: production ? await getCurrentUser() : null,
    isAdmin: async (user) =>
      isAdmin({ store: await getStore(), user, adminEmails: env.ADMIN_EMAILS }),
  });
  if (access.ok) return 'ok';
  if (access.reason === 'sign-in') redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (access.reason === 'smtp' && !production) return 'smtp';
  notFound();
}
