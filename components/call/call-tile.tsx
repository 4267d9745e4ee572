'use client';

import { MicOff } from 'lucide-react';
import { useEffect, useRef } from 'react';

import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/components/ui/cn';
import { useSpeaking } from '@/lib/calls/client/use-speaking';

import { useCallPerson } from './use-call-person';

type TileProps = {
  conversationId: string;
  userId: string;
  /** The own tile: its video is mirrored and its sound not played back. */
  self: boolean;
  stream: MediaStream | null;
  version: number;
  muted: boolean;
  cameraOff: boolean;
  screenSharing: boolean;
  /** Remote tiles: RTCPeerConnection.connectionState. */
  peerState?: string;
  className?: string;
};

function hasLiveVideo(stream: MediaStream | null): boolean {
  return !!stream?.getVideoTracks().some((t) => t.readyState === 'live' && !t.muted);
}

/**
 * One participant: video (or their avatar), name, a ring while they speak and a muted sign.
 * `data-peer-state` carries the peer connection's state for tests and support screenshots.
 */
export function CallTile(props: TileProps) {
  const { conversationId, userId, self, stream, version, muted, cameraOff } = props;
  const person = useCallPerson(conversationId, userId);
  const name = self ? 'You' : person.name;
  const video = useRef<HTMLVideoElement>(null);
  const speaking = useSpeaking(stream, version) && !muted;

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (element.srcObject !== stream) element.srcObject = stream;
    if (stream) void element.play().catch(() => {});
  }, [stream, version]);

  const showVideo = !cameraOff && hasLiveVideo(stream);
  return (
    <div
      role="group"
      aria-label={name}
      data-peer-state={self ? 'local' : (props.peerState ?? 'new')}
      data-muted={muted}
      data-speaking={speaking}
      className={cn(
        'relative flex min-h-0 items-center justify-center overflow-hidden rounded-lg bg-neutral-800 ring-2 transition-shadow',
        props.className,
        speaking ? 'ring-emerald-400' : 'ring-transparent',
      )}
    >
      <video
        ref={video}
        autoPlay
        playsInline
        muted={self}
        className={cn(
          'h-full w-full object-cover',
          self && !props.screenSharing && 'scale-x-[-1]',
          !showVideo && 'invisible absolute',
        )}
      />
      {showVideo ? null : <Avatar name={person.name} src={person.image} size={72} />}
      <div className="absolute bottom-2 left-2 flex items-center gap-1.5 rounded bg-black/60 px-2 py-0.5 text-sm text-white">
        {muted ? (
          <span role="img" aria-label="Muted" title="Muted" className="text-red-300">
            <MicOff aria-hidden size={14} />
          </span>
        ) : null}
        <span>{name}</span>
        {speaking ? <span className="sr-only">(speaking)</span> : null}
        {props.screenSharing ? <span className="text-xs text-neutral-300">· screen</span> : null}
      </div>
      {!self && props.peerState !== 'connected' ? (
        <p className="absolute right-2 top-2 rounded bg-black/60 px-2 py-0.5 text-xs text-white">
          {props.peerState === 'disconnected' || props.peerState === 'failed'
            ? 'Reconnecting…'
            : 'Connecting…'}
        </p>
      ) : null}
    </div>
  );
}
