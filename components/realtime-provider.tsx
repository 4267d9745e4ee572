'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';

import { seedInboxToken } from '@/lib/realtime/client/room-token';
import { useInboxConnection } from '@/lib/realtime/client/use-inbox-connection';
import { useConnectionStore } from '@/lib/realtime/client/connection-store';

const HostContext = createContext<string>('');

/** The PartyKit host, for hooks that open more rooms (a conversation's, a call's). */
export function useRealtimeHost(): string {
  return useContext(HostContext);
}

/** Connects the signed-in tab to its inbox room and says so when the connection drops. */
export function RealtimeProvider({
  host,
  userId,
  inboxToken,
  children,
}: {
  host: string;
  userId: string;
  /** The page's inbox token (the layout mints one), or null: the connection asks for one. */
  inboxToken: { token: string; expiresAt: string; alsoOpens?: string[] } | null;
  children: ReactNode;
}) {
  // Once, before the connection's first token request (the initializer runs in the first render).
  useState(() => inboxToken && typeof window !== 'undefined' && seedInboxToken(inboxToken));
  useInboxConnection({ host, userId });
  const status = useConnectionStore((s) => s.status);
  // data-realtime lets tests (and support screenshots) see the connection state.
  return (
    <HostContext.Provider value={host}>
      <div data-realtime={status} className="contents">
        {status === 'reconnecting' ? (
          <p role="status" className="bg-amber-500/15 px-4 py-1 text-center text-sm">
            Reconnecting… Changes made meanwhile will appear when the connection is back.
          </p>
        ) : status === 'unreachable' ? (
          <p role="alert" className="bg-red-500/15 px-4 py-1 text-center text-sm">
            Can&apos;t connect to live updates — retrying. New messages appear when you reload.
          </p>
        ) : null}
        {children}
      </div>
    </HostContext.Provider>
  );
}
