'use client';

import * as Popover from '@radix-ui/react-popover';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { fetchNotifications, readNotifications } from '@/lib/notifications/client/api-client';
import { useNotificationsStore } from '@/lib/notifications/client/notifications-store';

import { BellButton, notificationsErrorOf as messageOf } from './bell-button';
import { NotificationItem } from './notification-item';

/**
 * The bell's list of mentions, DMs, replies and missed calls that lead to the message, with
 * Mark all read and older pages. notification-bell.tsx mounts it, open, on the bell's first press.
 */
export function NotificationPanel({
  error,
  setError,
}: {
  error: string | null;
  setError: (error: string | null) => void;
}) {
  const router = useRouter();
  const { items, unreadCount, loaded, nextCursor, pageLoaded, read } = useNotificationsStore();
  const [open, setOpen] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);

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

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <BellButton unreadCount={unreadCount} />
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
