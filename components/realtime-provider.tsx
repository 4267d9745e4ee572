'use client';

import type { ReactNode } from 'react';

import { useInboxConnection } from '@/lib/realtime/use-inbox-connection';
import { useConnectionStore } from '@/lib/stores/connection-store';

/** Connects the signed-in tab to its inbox room and says so when the connection drops. */
export function RealtimeProvider({
  host,
  userId,
  children,
}: {
  host: string;
  userId: string;
  children: ReactNode;
}) {
  useInboxConnection({ host, userId });
  const status = useConnectionStore((s) => s.status);
  // data-realtime lets tests (and support screenshots) see the connection state.
  return (
    <div data-realtime={status} className="contents">
      {status === 'reconnecting' ? (
        <p role="status" className="bg-amber-500/15 px-4 py-1 text-center text-sm">
          Reconnecting… Changes made meanwhile will appear when the connection is back.
        </p>
      ) : null}
      {children}
    </div>
  );
}
