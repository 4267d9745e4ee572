import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { SiteHeader } from '@/components/site-header';
import { requireMailboxAccess } from '@/lib/email/server/mailbox-gate';
import { readOutboxEmail } from '@/lib/email/server/outbox';
import { outboxDir } from '@/lib/email/server/transport';

export const metadata: Metadata = { title: 'Email', robots: { index: false } };
export const dynamic = 'force-dynamic';

const SHOWN_HEADERS = [
  'from',
  'to',
  'subject',
  'date',
  'list-unsubscribe',
  'list-unsubscribe-post',
];

/** One outbox email: its main headers, the text part, and the HTML part in a sandbox. */
export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if ((await requireMailboxAccess(`/dev/mailbox/${id}`)) !== 'ok') notFound();
  const email = await readOutboxEmail({ dir: outboxDir(), id });
  if (!email) notFound();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-4xl flex-col gap-5 px-4 py-8">
        <Link href="/dev/mailbox" className="text-sm text-accent underline">
          <ArrowLeft aria-hidden size={14} className="inline" /> Dev mailbox
        </Link>
        <h1 className="text-2xl font-semibold">{email.subject || '(no subject)'}</h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {SHOWN_HEADERS.filter((h) => email.headers[h]).map((h) => (
            <div key={h} className="contents">
              <dt className="font-medium capitalize">{h.replace(/-/g, ' ')}</dt>
              <dd className="break-all text-muted">{email.headers[h]}</dd>
            </div>
          ))}
        </dl>
        {email.text !== null ? (
          <section aria-labelledby="text-part" className="flex flex-col gap-2">
            <h2 id="text-part" className="text-lg font-semibold">
              Text
            </h2>
            <pre className="whitespace-pre-wrap break-words rounded-md border border-border p-4 text-sm">
              {linkify(email.text)}
            </pre>
          </section>
        ) : null}
        {email.html !== null ? (
          <section aria-labelledby="html-part" className="flex flex-col gap-2">
            <h2 id="html-part" className="text-lg font-semibold">
              HTML
            </h2>
            {/* No allow-scripts, no allow-same-origin: the email runs nothing and reaches
                nothing of the app. Links open in a new tab (the <base>), outside the sandbox. */}
            <iframe
              title="HTML part"
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={withLinksInNewTabs(email.html)}
              className="h-[32rem] w-full rounded-md border border-border bg-white"
            />
          </section>
        ) : null}
      </main>
    </div>
  );
}

function withLinksInNewTabs(html: string): string {
  const base = '<base target="_blank">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => m + base);
  if (/<html[^>]*>/i.test(html))
    return html.replace(/<html[^>]*>/i, (m) => `${m}<head>${base}</head>`);
  return base + html;
}

/** The text part's URLs as links, so the digest's links (unsubscribe too) can be followed. */
function linkify(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"”]+)/g).map((piece, i) =>
    i % 2 === 1 ? (
      <a key={i} href={piece} className="text-accent underline" target="_blank" rel="noreferrer">
        {piece}
      </a>
    ) : (
      piece
    ),
  );
}
