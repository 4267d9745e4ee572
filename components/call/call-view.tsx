'use client';

import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { cn } from '@/components/ui/cn';
import { useCallStore, type CurrentCall } from '@/lib/calls/client/call-store';

import { CallControls } from './call-controls';
import { CallStatus } from './call-status';
import { CallTile } from './call-tile';
import { useCallConversation } from './use-call-person';

const GRID = ['grid-cols-1', 'grid-cols-1 sm:grid-cols-2', 'grid-cols-2', 'grid-cols-2'];

/** The call on screen: a tile per participant, the state, and the controls. */
export function CallView({ call, meId }: { call: CurrentCall; meId: string }) {
  const local = useCallStore((s) => s.local);
  const peers = useCallStore(useShallow((s) => Object.values(s.peers)));
  const conversation = useCallConversation(call.conversationId);
  const count = peers.length + 1;
  // The call covers the page: keyboard focus moves into it, so Tab reaches its controls.
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.focus(), [call.callId]);
  return (
    <section
      ref={section}
      tabIndex={-1}
      aria-label="Call"
      data-call-id={call.callId}
      className="fixed inset-0 z-40 flex flex-col gap-3 bg-neutral-950 p-3 text-white outline-none"
    >
      <header className="flex items-baseline justify-between gap-3 px-1">
        <h2 className="truncate font-semibold">
          {call.kind === 'video' ? 'Video call' : 'Voice call'} · {conversation.name}
        </h2>
        <CallStatus call={call} peers={peers} />
      </header>
      {call.notice ? (
        <p role="alert" className="rounded bg-amber-500/20 px-3 py-2 text-sm text-amber-100">
          {call.notice}
        </p>
      ) : null}
      <div
        className={cn(
          'mx-auto grid min-h-0 w-full max-w-5xl flex-1 content-center gap-3',
          GRID[Math.min(count, 4) - 1],
        )}
      >
        <CallTile
          conversationId={call.conversationId}
          userId={meId}
          self
          stream={local.stream}
          version={0}
          muted={local.muted || !local.hasMic}
          cameraOff={local.cameraOff && !local.screenSharing}
          screenSharing={local.screenSharing}
        />
        {peers.map((peer) => (
          <CallTile
            key={peer.userId}
            conversationId={call.conversationId}
            userId={peer.userId}
            self={false}
            stream={peer.stream}
            version={peer.version}
            muted={peer.media.muted}
            cameraOff={peer.media.cameraOff && !peer.media.screenSharing}
            screenSharing={peer.media.screenSharing}
            peerState={peer.state}
          />
        ))}
      </div>
      <CallControls local={local} />
    </section>
  );
}
