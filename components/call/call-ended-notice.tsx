'use client';

import { useEffect } from 'react';

import { Button } from '@/components/ui/button';
import { useCallStore, type CurrentCall } from '@/lib/calls/client/call-store';

/** How long "Call ended", "No answer"… stays before it closes by itself. */
const SHOW_MS = 10_000;

/** Why the call ended ("No answer", "Declined", "Calls hold up to 4 people…"), with Close. */
export function CallEndedNotice({ call }: { call: CurrentCall }) {
  useEffect(() => {
    const timer = setTimeout(() => useCallStore.getState().clear(), SHOW_MS);
    return () => clearTimeout(timer);
  }, [call.callId]);
  if (!call.ended) return null;
  return (
    <div
      role="status"
      data-testid="call-ended"
      data-call-ended={call.ended.reason}
      className="fixed bottom-4 left-4 z-40 flex max-w-[calc(100vw-2rem)] items-center gap-3 rounded-lg border border-border bg-bg px-4 py-3 shadow-lg"
    >
      <p className="text-sm font-medium">{call.ended.message}</p>
      <Button size="sm" variant="secondary" onClick={() => useCallStore.getState().clear()}>
        Close
      </Button>
    </div>
  );
}
