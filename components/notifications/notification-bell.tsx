'use client';

import { lazy, useEffect, useState } from 'react';

import { OnDemand } from '@/components/ui/on-demand';
import { fetchNotifications } from '@/lib/notifications/client/api-client';
import { useNotificationsStore } from '@/lib/notifications/client/notifications-store';
import { useConnectionStore } from '@/lib/realtime/client/connection-store';

import { BellButton, notificationsErrorOf } from './bell-button';

// The list (a Radix Popover, the items) loads on the bell's first press; the count is live
// from the start.
const loadPanel = () => import('./notification-panel');
const NotificationPanel = lazy(() => loadPanel().then((m) => ({ default: m.NotificationPanel })));

/**
 * The header's bell: the unread count (live through inbox events), and on press the list of
 * notifications (notification-panel.tsx). Reloaded on (re)connect, so a count missed while
 * offline is corrected.
 */
export function NotificationBell() {
  const unreadCount = useNotificationsStore((s) => s.unreadCount);
  const pageLoaded = useNotificationsStore((s) => s.pageLoaded);
  const status = useConnectionStore((s) => s.status);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (status !== 'open') return;
    let cancelled = false;
    fetchNotifications()
      .then((page) => !cancelled && pageLoaded(page, false))
      .catch((err: unknown) => !cancelled && setError(notificationsErrorOf(err)));
    return () => {
      cancelled = true;
    };
  }, [status, pageLoaded]);

  return (
    <OnDemand
      load={loadPanel}
      standIn={(props) => <BellButton unreadCount={unreadCount} {...props} />}
    >
      <NotificationPanel error={error} setError={setError} />
    </OnDemand>
  );
}
