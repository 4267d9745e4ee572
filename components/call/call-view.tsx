'use client';

import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { cn } from '@/components/ui/cn';
import { useCallStore, type CurrentCall } from '@/lib/calls/client/call-store';

import { CallControls } from './call-controls';
import { CallStatus } from './call-status';
import { CallTile } from './call-tile';
import { useCallConversation } from './use-call-person';

// Columns by how many tiles the grid holds. At phone width the own tile is an overlay (not in
// the grid) once someone else is there, so one peer fills the screen.
const GRID = [
  'grid-cols-1',
  'grid-cols-1 sm:grid-cols-2',
  'grid-cols-1 sm:grid-cols-2',
  'grid-cols-2',
  'grid-cols-2 sm:grid-cols-3',
];

/** The call on screen: a tile per participant, the state, and the controls. */
export function CallView({ call, meId }: { call: CurrentCall; meId: string }) {
  const local = useCallStore((s) => s.local);
  const peers = useCallStore(useShallow((s) => Object.values(s.peers)));
  const conversation = useCallConversation(call.conversationId);
  // The call covers the page: keyboard focus moves into it, so Tab reaches its controls.
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.focus(), [call.callId]);
  return (
    <section
      ref={section}
      tabIndex={-1}
      aria-label="Call"
      data-call-id={call.callId}
      className="fixed inset-0 z-40 flex h-dvh flex-col gap-2 bg-neutral-950 px-2 pb-1 pt-[max(0.5rem,env(safe-area-inset-top))] text-white outline-none sm:gap-3 sm:p-3"
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
          'relative mx-auto grid min-h-0 w-full max-w-5xl flex-1 auto-rows-fr gap-2 sm:gap-3',
          GRID[Math.min(peers.length > 0 ? peers.length : 1, 5) - 1],
        )}
      >
        <CallTile
          className={
            peers.length > 0
              ? 'absolute bottom-2 right-2 z-10 h-32 w-24 shadow-lg sm:static sm:h-auto sm:w-auto sm:shadow-none'
              : undefined
          }
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
