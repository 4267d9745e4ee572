'use client';

import { Phone, Video } from 'lucide-react';
import { useState } from 'react';

import { useRealtimeHost } from '@/components/realtime-provider';
import { Button } from '@/components/ui/button';
import { useLiveCall } from '@/lib/calls/client/use-live-call';
import { useCallStore } from '@/lib/calls/client/call-store';

// The calling code (sessions, peers, media) is fetched on the click that starts or joins a call,
// not with every conversation; a click keeps its user activation across the import.
const controller = () => import('@/lib/calls/client/controller');

/**
 * The conversation header's call buttons: "Start voice call" and "Start video call", or
 * "Join call" while the conversation has a live call this tab is not in.
 */
export function CallButtons({ conversationId, meId }: { conversationId: string; meId: string }) {
  const host = useRealtimeHost();
  const live = useLiveCall(conversationId);
  const inCall = useCallStore((s) => s.current !== null && s.current.ended === null);
  const here = useCallStore(
    (s) => s.current?.conversationId === conversationId && !s.current.ended,
  );
  const [busy, setBusy] = useState(false);
  if (here) return null;
  const ctx = { host, meId };
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };

  // A call going on, or ringing from someone else: join it.
  if (live && (live.state === 'active' || live.startedBy !== meId)) {
    return (
      <Button
        size="sm"
        disabled={busy}
        onClick={() => run(async () => (await controller()).acceptCall(ctx, live.callId))}
        className="bg-success text-success-fg"
      >
        <Phone aria-hidden size={18} />
        Join call
      </Button>
    );
  }
  const disabled = busy || inCall;
  return (
    <div className="flex items-center gap-1">
      <Button
        variant="ghost"
        size="icon"
        aria-label="Start voice call"
        title="Start voice call"
        disabled={disabled}
        onClick={() =>
          run(async () => (await controller()).startCall(ctx, conversationId, 'audio'))
        }
      >
        <Phone aria-hidden size={18} />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        aria-label="Start video call"
        title="Start video call"
        disabled={disabled}
        onClick={() =>
          run(async () => (await controller()).startCall(ctx, conversationId, 'video'))
        }
      >
        <Video aria-hidden size={18} />
      </Button>
    </div>
  );
}
