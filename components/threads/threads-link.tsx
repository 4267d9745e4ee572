'use client';

import { MessageSquareText } from 'lucide-react';
import Link from 'next/link';
import { useSelectedLayoutSegment } from 'next/navigation';
import { useEffect } from 'react';

import { cn } from '@/components/ui/cn';
import { refreshFollowed } from '@/lib/threads/client/sync';
import { useThreadsStore } from '@/lib/threads/client/threads-store';

/** The sidebar's way to the Threads view, with how many followed threads have unread replies. */
export function ThreadsLink() {
  const unread = useThreadsStore((s) => s.unreadThreads);
  const active = useSelectedLayoutSegment() === 'threads';
  useEffect(() => {
    void refreshFollowed();
  }, []);
  return (
    <Link
      href="/chats/threads"
      aria-label={unread > 0 ? `Threads, ${unread} unread` : 'Threads'}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'mx-3 mb-2 flex items-center justify-between rounded-md px-3 py-1.5 text-sm hover:bg-surface-2',
        active && 'bg-surface-2',
      )}
    >
      <span className={cn('flex items-center gap-2', unread > 0 && 'font-semibold')}>
        <MessageSquareText aria-hidden size={16} /> Threads
      </span>
      {unread > 0 ? (
        <span
          data-testid="threads-unread"
          className="rounded-full bg-accent px-1.5 text-xs font-semibold text-accent-fg"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
