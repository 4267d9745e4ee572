'use client';

import { useId } from 'react';

import type { DeviceOption } from '@/lib/calls/client/use-media-devices';

/** A labelled device picker ("Microphone", "Camera"); disabled while there is nothing to pick. */
export function DeviceSelect({
  label,
  devices,
  value,
  onChange,
}: {
  label: 'Microphone' | 'Camera';
  devices: DeviceOption[];
  value: string | null;
  onChange: (deviceId: string) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-1.5 text-xs text-neutral-300">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={devices.length === 0}
        onChange={(event) => onChange(event.target.value)}
        className="max-w-40 rounded border border-neutral-600 bg-neutral-800 px-1.5 py-1 text-white"
      >
        {value && !devices.some((d) => d.deviceId === value) ? (
          <option value={value}>Default</option>
        ) : null}
        {devices.length === 0 ? <option value="">None available</option> : null}
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
    </div>
  );
}
