'use client';

import { Mic, MicOff, MonitorUp, MonitorX, PhoneOff, Video, VideoOff } from 'lucide-react';
import type { ReactNode } from 'react';

import { cn } from '@/components/ui/cn';
import { callControls, hangUp } from '@/lib/calls/client/controller';
import { useMediaDevices } from '@/lib/calls/client/use-media-devices';
import type { LocalMedia } from '@/lib/calls/client/call-store';

import { DeviceSelect } from './device-select';

/** A round control with its icon and a short caption; the caption is the accessible name. */
function Control({
  label,
  icon,
  onClick,
  disabled,
  tone = 'default',
}: {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  tone?: 'default' | 'danger' | 'off';
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="group flex w-16 flex-col items-center gap-1 text-[0.7rem] text-neutral-200 disabled:opacity-50"
    >
      <span
        aria-hidden
        className={cn(
          'flex h-12 w-12 items-center justify-center rounded-full transition-colors',
          tone === 'danger' && 'bg-red-600 text-white group-hover:bg-red-500',
          tone === 'off' && 'bg-white text-neutral-900 group-hover:bg-neutral-200',
          tone === 'default' && 'bg-neutral-700 text-white group-hover:bg-neutral-600',
        )}
      >
        {icon}
      </span>
      <span className="max-w-full truncate">{label}</span>
    </button>
  );
}

/**
 * Mute, camera, screen share, device choice and hang up. The bar sits over the bottom of the call
 * (inside the safe area), so on a phone it never falls below the screen.
 */
export function CallControls({ local }: { local: LocalMedia }) {
  // Labels only appear once a permission was granted: list again when the tracks change.
  const devices = useMediaDevices(local.stream);
  const canShare = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;
  return (
    <div className="flex shrink-0 flex-col items-center gap-2 pb-[max(0.25rem,env(safe-area-inset-bottom))]">
      <div
        role="toolbar"
        aria-label="Call controls"
        className="flex flex-wrap items-start justify-center gap-1 rounded-2xl bg-neutral-900/80 px-2 py-2 backdrop-blur sm:gap-2"
      >
        <Control
          label={local.muted ? 'Unmute' : 'Mute'}
          tone={local.muted ? 'off' : 'default'}
          icon={local.muted ? <MicOff size={20} /> : <Mic size={20} />}
          disabled={!local.hasMic}
          onClick={() => callControls.setMuted(!local.muted)}
        />
        <Control
          label={local.cameraOff ? 'Camera on' : 'Camera off'}
          tone={local.cameraOff ? 'off' : 'default'}
          icon={local.cameraOff ? <VideoOff size={20} /> : <Video size={20} />}
          onClick={() => callControls.setCameraOff(!local.cameraOff)}
        />
        {canShare ? (
          <Control
            label={local.screenSharing ? 'Stop sharing' : 'Share screen'}
            icon={local.screenSharing ? <MonitorX size={20} /> : <MonitorUp size={20} />}
            onClick={() =>
              local.screenSharing ? callControls.stopSharing() : callControls.shareScreen()
            }
          />
        ) : null}
        <Control
          label="Hang up"
          tone="danger"
          icon={<PhoneOff size={20} />}
          onClick={() => void hangUp()}
        />
      </div>
      <div className="flex max-w-full flex-wrap justify-center gap-2">
        <DeviceSelect
          label="Microphone"
          devices={devices.microphones}
          value={local.micId}
          onChange={(id) => callControls.selectDevice('audio', id)}
        />
        <DeviceSelect
          label="Camera"
          devices={devices.cameras}
          value={local.cameraId}
          onChange={(id) => callControls.selectDevice('video', id)}
        />
      </div>
    </div>
  );
}
