import type { Metadata } from 'next';
import Link from 'next/link';

import { SiteHeader } from '@/components/site-header';
import { requireMailboxAccess } from '@/lib/email/server/mailbox-gate';
import { listOutbox } from '@/lib/email/server/outbox';
import { outboxDir } from '@/lib/email/server/transport';

export const metadata: Metadata = { title: 'Dev mailbox', robots: { index: false } };
// The outbox changes with every email: never prerendered.
export const dynamic = 'force-dynamic';

const SHOWN = 200;

/** The emails the outbox transport wrote (no SMTP_URL), newest first. */
export default async function MailboxPage() {
  const access = await requireMailboxAccess('/dev/mailbox');
  const entries = access === 'ok' ? await listOutbox({ dir: outboxDir(), limit: SHOWN }) : [];
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">Dev mailbox</h1>
        {access === 'smtp' ? (
          <p className="text-sm text-muted">
            SMTP_URL is set, so emails go out by SMTP and there is no outbox to show.
          </p>
        ) : entries.length === 0 ? (
          <p className="text-sm text-muted">
            No emails yet. A digest is written here when someone leaves a mention or a direct
            message unread for EMAIL_DIGEST_DELAY_MINUTES.
          </p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="pb-2 text-left text-muted">
              The {entries.length === SHOWN ? `${SHOWN} newest` : entries.length} emails in{' '}
              <code>{outboxDir()}</code>, newest first
            </caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Date
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  From
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  To
                </th>
                <th scope="col" className="py-2 font-medium">
                  Subject
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-border align-top">
                  <td className="whitespace-nowrap py-2 pr-3 text-muted">
                    {e.date ? e.date.toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '—'}
                  </td>
                  <td className="py-2 pr-3">{e.from}</td>
                  <td className="py-2 pr-3">{e.to}</td>
                  <td className="py-2">
                    <Link href={`/dev/mailbox/${e.id}`} className="text-accent underline">
                      {e.subject || '(no subject)'}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
