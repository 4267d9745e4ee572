'use client';

import { useEffect, useState } from 'react';

import { callStatus } from '@/lib/calls/client/status';
import type { CurrentCall, PeerView } from '@/lib/calls/client/call-store';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function CallStatus({ call, peers }: { call: CurrentCall; peers: PeerView[] }) {
  const now = useNow(1000);
  return (
    <p role="status" data-testid="call-status" className="text-sm text-neutral-300">
      {callStatus(call, peers, now)}
    </p>
  );
}
