'use client';

import * as Popover from '@radix-ui/react-popover';
import { Bell } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { Button } from '@/components/ui/button';
import { ApiClientError } from '@/lib/api/client';
import { fetchNotifications, readNotifications } from '@/lib/notifications/client/api-client';
import { useNotificationsStore } from '@/lib/notifications/client/notifications-store';
import { useConnectionStore } from '@/lib/realtime/client/connection-store';

import { NotificationItem } from './notification-item';

const messageOf = (err: unknown) =>
  err instanceof ApiClientError ? err.message : 'Could not load notifications. Try again.';

/**
 * The header's bell: the unread count (live through inbox events), and a list of mentions, DMs,
 * replies and missed calls that lead to the message. Reloaded on (re)connect, so a count missed
 * while offline is corrected.
 */
export function NotificationBell() {
  const router = useRouter();
  const { items, unreadCount, loaded, nextCursor, pageLoaded, read } = useNotificationsStore();
  const status = useConnectionStore((s) => s.status);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    if (status !== 'open') return;
    let cancelled = false;
    fetchNotifications()
      .then((page) => !cancelled && pageLoaded(page, false))
      .catch((err: unknown) => !cancelled && setError(messageOf(err)));
    return () => {
      cancelled = true;
    };
  }, [status, pageLoaded]);

  async function loadMore() {
    setLoadingMore(true);
    try {
      pageLoaded(await fetchNotifications(nextCursor), true);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setLoadingMore(false);
    }
  }

  async function markRead(input: { ids: string[] } | { all: true }) {
    try {
      const result = await readNotifications(input);
      read(result.ids, result.unreadCount);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  function openOne(id: string, href: string, unread: boolean) {
    setOpen(false);
    if (unread) void markRead({ ids: [id] });
    router.push(href);
  }

  const label = unreadCount > 0 ? `Notifications, ${unreadCount} unread` : 'Notifications';
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={label}
          className="relative inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
        >
          <Bell aria-hidden size={20} />
          {unreadCount > 0 ? (
            <span
              aria-hidden
              className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-danger px-1 text-center text-[0.7rem] font-semibold leading-[1.1rem] text-danger-fg"
            >
              {unreadCount > 99 ? '99+' : unreadCount}
            </span>
          ) : null}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          aria-label="Notifications"
          align="end"
          sideOffset={6}
          className="z-50 flex max-h-[70vh] w-[22rem] max-w-[calc(100vw-1rem)] flex-col rounded-lg border border-border bg-bg shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-border px-3 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <Button
              variant="ghost"
              size="sm"
              disabled={unreadCount === 0}
              onClick={() => void markRead({ all: true })}
            >
              Mark all read
            </Button>
          </div>
          {error ? (
            <p role="alert" className="px-3 py-2 text-sm text-danger">
              {error}
            </p>
          ) : null}
          <div className="min-h-0 flex-1 overflow-y-auto">
            {loaded && items.length === 0 ? (
              <p className="px-3 py-6 text-center text-sm text-muted">
                You&apos;re all caught up. Mentions, direct messages, replies and missed calls show
                up here.
              </p>
            ) : (
              <ul aria-label="Notification list" className="divide-y divide-border">
                {items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem
                      notification={n}
                      onOpen={openOne}
                      onMarkRead={(id) => void markRead({ ids: [id] })}
                    />
                  </li>
                ))}
              </ul>
            )}
            {nextCursor ? (
              <div className="p-2 text-center">
                <Button variant="ghost" size="sm" disabled={loadingMore} onClick={loadMore}>
                  {loadingMore ? 'Loading…' : 'Show older'}
                </Button>
              </div>
            ) : null}
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
