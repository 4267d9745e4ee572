'use client';

import { usePathname, useRouter } from 'next/navigation';

import { plainPreview } from '@/lib/chat/plain-text';

/**
 * Inside a thread panel the quoted reply is in the same thread, not in the main timeline (which
 * would page back for it in vain): it is scrolled to and highlighted there. False elsewhere.
 */
function showInThread(quote: HTMLElement, id: string): boolean {
  const thread = quote.closest('[role="log"][aria-label="Thread replies"]');
  const original = thread?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"]`);
  if (!original) return false;
  original.scrollIntoView({ block: 'center' });
  original.focus({ preventScroll: true });
  original.dataset.flash = 'true';
  setTimeout(() => delete original.dataset.flash, 2000);
  return true;
}

/**
 * The quoted message above a reply, as plain text (no raw Markdown). Clicking it opens the
 * original: the list scrolls to it (loading older pages if needed) and highlights it, through the
 * same `?message=` the notification links use.
 */
export function ReplyQuote({
  replyTo,
  authorName,
}: {
  replyTo: { id: string; body: string; deleted: boolean };
  authorName: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const text = replyTo.deleted
    ? 'deleted message'
    : plainPreview({ body: replyTo.body, attachments: [] }) || 'an image';
  return (
    <button
      type="button"
      onClick={(event) => {
        if (showInThread(event.currentTarget, replyTo.id)) return;
        router.replace(`${pathname}?message=${encodeURIComponent(replyTo.id)}`, { scroll: false });
      }}
      aria-label={`Replying to ${authorName}: ${text}. Show the original message`}
      className="mb-1 block max-w-full truncate border-l-2 border-border pl-2 text-left text-xs text-muted hover:text-fg focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
    >
      Replying to {authorName}: {text}
    </button>
  );
}
