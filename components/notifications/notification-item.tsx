'use client';

import { shortTime } from '@/lib/chat/describe';
import { headline, notificationPath } from '@/lib/notifications/present';
import type { NotificationWire } from '@/lib/notifications/wire';
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/components/ui/cn';

/** One row of the bell's list: who, where, a preview; a link to the message. */
export function NotificationItem({
  notification: n,
  onOpen,
  onMarkRead,
}: {
  notification: NotificationWire;
  onOpen: (id: string, href: string, unread: boolean) => void;
  onMarkRead: (id: string) => void;
}) {
  const href = notificationPath(n);
  const unread = !n.readAt;
  const title = headline(n);
  return (
    <div className={cn('group relative flex gap-3 px-3 py-2.5', unread && 'bg-accent/5')}>
      <Avatar name={n.actor?.name ?? '?'} src={n.actor?.image} size={32} />
      <a
        href={href}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          onOpen(n.id, href, unread);
        }}
        className="min-w-0 flex-1 after:absolute after:inset-0 focus-visible:outline-none"
      >
        <span className={cn('block truncate text-sm', unread && 'font-semibold')}>{title}</span>
        {n.preview ? <span className="block truncate text-sm text-muted">{n.preview}</span> : null}
        <span className="block text-xs text-muted">
          {shortTime(n.createdAt)}
          {unread ? <span className="sr-only"> · unread</span> : null}
        </span>
      </a>
      {unread ? (
        <button
          type="button"
          aria-label={`Mark “${title}” read`}
          title="Mark read"
          onClick={() => onMarkRead(n.id)}
          className="relative z-10 mt-1 h-3 w-3 shrink-0 rounded-full bg-accent focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
        />
      ) : null}
    </div>
  );
}
