'use client';

import { cn } from '@/components/ui/cn';
import { usePresence } from '@/lib/chat/client/presence-store';
import { dateAndTime } from '@/lib/chat/time-format';

const LABEL = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

/** A status dot with its meaning in text for screen readers and on hover. */
export function PresenceDot({ userId, className }: { userId: string; className?: string }) {
  const { status, lastSeenAt } = usePresence(userId);
  const seen =
    status === 'offline' && lastSeenAt
      ? `, last seen ${dateAndTime(lastSeenAt)}`
      : '';
  return (
    <span
      role="img"
      aria-label={`${LABEL[status]}${seen}`}
      title={`${LABEL[status]}${seen}`}
      data-presence={status}
      className={cn(
        'inline-block h-2.5 w-2.5 rounded-full ring-2 ring-bg',
        status === 'online' && 'bg-emerald-500',
        status === 'away' && 'bg-amber-400',
        status === 'offline' && 'bg-gray-400',
        className,
      )}
    />
  );
}
