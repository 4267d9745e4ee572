'use client';

import { Select } from '@/components/ui/select';
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
  const options = devices.map((d) => ({ value: d.deviceId, label: d.label }));
  // The browser's default device may not be listed under its id: it still shows as chosen.
  if (value && !options.some((o) => o.value === value) && options.length > 0)
    options.unshift({ value, label: 'Default' });
  return (
    <Select label={label} options={options} value={value} onValueChange={onChange} tone="dark" />
  );
}
