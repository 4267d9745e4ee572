'use client';

import { Button } from '@/components/ui/button';
import { callControls, hangUp } from '@/lib/calls/client/controller';
import { useMediaDevices } from '@/lib/calls/client/use-media-devices';
import type { LocalMedia } from '@/lib/calls/client/call-store';

import { DeviceSelect } from './device-select';

const control = 'bg-neutral-700 text-white hover:bg-neutral-600';

/** Mute, camera, screen share, device choice and hang up. */
export function CallControls({ local }: { local: LocalMedia }) {
  // Labels only appear once a permission was granted: list again when the tracks change.
  const devices = useMediaDevices(local.stream);
  const canShare = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;
  return (
    <div
      role="toolbar"
      aria-label="Call controls"
      className="flex flex-wrap items-center justify-center gap-2"
    >
      <Button
        className={control}
        disabled={!local.hasMic}
        onClick={() => callControls.setMuted(!local.muted)}
      >
        {local.muted ? 'Unmute' : 'Mute'}
      </Button>
      <Button className={control} onClick={() => callControls.setCameraOff(!local.cameraOff)}>
        {local.cameraOff ? 'Camera on' : 'Camera off'}
      </Button>
      {canShare ? (
        <Button
          className={control}
          onClick={() =>
            local.screenSharing ? callControls.stopSharing() : callControls.shareScreen()
          }
        >
          {local.screenSharing ? 'Stop sharing' : 'Share screen'}
        </Button>
      ) : null}
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
      <Button variant="danger" onClick={() => void hangUp()}>
        Hang up
      </Button>
    </div>
  );
}
