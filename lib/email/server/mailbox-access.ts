import 'server-only';

import type { User } from '@/lib/db/types';

/**
 * Who may read the dev mailbox (the outbox's .eml files, which hold other people's emails and
 * their unsubscribe links): nobody when emails go out by SMTP (there is no outbox); anyone in
 * development; in a production build only admins (lib/jobs/admin.ts: ADMIN_EMAILS or the first
 * person who signed up).
 */
export type MailboxAccess = { ok: true } | { ok: false; reason: 'smtp' | 'sign-in' | 'forbidden' };

export async function mailboxAccess(input: {
  smtpConfigured: boolean;
  production: boolean;
  user: User | null;
  isAdmin: (user: User) => Promise<boolean>;
}): Promise<MailboxAccess> {
  if (input.smtpConfigured) return { ok: false, reason: 'smtp' };
  if (!input.production) return { ok: true };
  if (!input.user) return { ok: false, reason: 'sign-in' };
  return (await input.isAdmin(input.user)) ? { ok: true } : { ok: false, reason: 'forbidden' };
}
