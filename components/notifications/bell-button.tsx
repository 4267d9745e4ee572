'use client';

import { Bell } from 'lucide-react';
import { forwardRef, type ComponentProps } from 'react';

import { ApiClientError } from '@/lib/api/client';

export const notificationsErrorOf = (err: unknown) =>
  err instanceof ApiClientError ? err.message : 'Could not load notifications. Try again.';

/** The header's bell button, named with the unread count and showing it in a badge. */
export const BellButton = forwardRef<
  HTMLButtonElement,
  ComponentProps<'button'> & { unreadCount: number }
>(function BellButton({ unreadCount, ...props }, ref) {
  const label = unreadCount > 0 ? `Notifications, ${unreadCount} unread` : 'Notifications';
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      aria-haspopup="dialog"
      {...props}
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
  );
});
