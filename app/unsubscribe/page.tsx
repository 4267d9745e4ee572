import type { Metadata } from 'next';
import Link from 'next/link';

import { UnsubscribeForm } from '@/components/email/unsubscribe-form';
import { SiteHeader } from '@/components/site-header';
import { getStore } from '@/lib/db';
import { checkUnsubscribeToken } from '@/lib/email/server/unsubscribe';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/**
 * The link in every digest email. Works without signing in (proxy.ts does not match it): the
 * signed token says whose digests to stop. Opening it changes nothing (link scanners and
 * prefetchers open links too); the button does.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : null;
  const checked = await checkUnsubscribeToken(await getStore(), token);
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center gap-4 px-6 py-12">
        <h1 className="text-2xl font-semibold">Email digests</h1>
        {checked.ok && token ? (
          <UnsubscribeForm token={token} email={maskEmail(checked.email)} />
        ) : (
          <>
            <p role="alert" className="text-sm text-danger">
              {checked.ok ? 'This unsubscribe link has no token.' : checked.message}
            </p>
            <Link href="/settings" className="text-sm text-accent underline">
              Open Settings
            </Link>
          </>
        )}
      </main>
    </div>
  );
}

/** "a•••@example.com": enough to recognise the address, not to harvest it from a shared link. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  return `${email[0]}•••${email.slice(at)}`;
}
