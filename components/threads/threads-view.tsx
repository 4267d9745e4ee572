'use client';

import Link from 'next/link';
import { useEffect } from 'react';

import { useMe } from '@/components/me-context';
import { cn } from '@/components/ui/cn';
import { shortTime } from '@/lib/chat/describe';
import { plainPreview } from '@/lib/chat/plain-text';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { refreshFollowed } from '@/lib/threads/client/sync';
import { useThreadsStore } from '@/lib/threads/client/threads-store';

/** Followed threads, the ones with unread replies first; each opens in its conversation. */
export function ThreadsView() {
  const me = useMe();
  const followed = useThreadsStore((s) => s.followed);
  const loaded = useThreadsStore((s) => s.followedLoaded);
  const conversations = useConversationsStore((s) => s.byId);
  useEffect(() => {
    void refreshFollowed();
  }, []);

  return (
    <section aria-label="Threads" className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-3 border-b border-border px-3 py-2">
        <Link
          href="/chats"
          aria-label="Back to conversations"
          className="rounded px-2 py-1 text-lg hover:bg-surface-2 md:hidden"
        >
          ←
        </Link>
        <h1 className="font-semibold">Threads</h1>
      </header>
      <ul className="min-h-0 flex-1 overflow-y-auto">
        {loaded && followed.length === 0 ? (
          <li className="p-4 text-sm text-muted">
            No threads yet. Threads you start, reply in or are mentioned in show here.
          </li>
        ) : null}
        {followed.map((t) => {
          const conversation = conversations[t.conversationId];
          const author =
            t.root.authorId === me.id
              ? 'You'
              : (conversation?.members.find((m) => m.id === t.root.authorId)?.name ?? 'Someone');
          const unread = t.unreadCount;
          return (
            <li key={t.root.id}>
              <Link
                href={`/chats/${t.conversationId}?thread=${t.root.id}`}
                aria-label={`Thread in ${conversation?.name ?? 'a conversation'}${unread > 0 ? `, ${unread} unread` : ''}`}
                className="flex flex-col gap-0.5 border-b border-border px-4 py-3 hover:bg-surface-2"
              >
                <span className="flex items-baseline justify-between gap-2 text-xs text-muted">
                  <span className="truncate">{conversation?.name ?? 'Conversation'}</span>
                  {t.root.thread ? <span>{shortTime(t.root.thread.lastReplyAt)}</span> : null}
                </span>
                <span className={cn('truncate', unread > 0 && 'font-semibold')}>
                  {author}: {t.root.deletedAt ? 'Message deleted' : plainPreview(t.root)}
                </span>
                <span className="flex items-center gap-2 text-xs">
                  <span className="text-muted">
                    {t.root.thread?.replyCount ?? 0}{' '}
                    {t.root.thread?.replyCount === 1 ? 'reply' : 'replies'}
                  </span>
                  {unread > 0 ? (
                    <span className="rounded-full bg-accent px-1.5 font-semibold text-accent-fg">
                      {unread} new
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
