'use client';

import 'client-only';
import { useEffect, useState } from 'react';

export type DeviceOption = { deviceId: string; label: string };
export type DeviceLists = { microphones: DeviceOption[]; cameras: DeviceOption[] };

const EMPTY: DeviceLists = { microphones: [], cameras: [] };

async function list(): Promise<DeviceLists> {
  if (!navigator.mediaDevices?.enumerateDevices) return EMPTY;
  const devices = await navigator.mediaDevices.enumerateDevices();
  const of = (kind: MediaDeviceKind, fallback: string) =>
    devices
      .filter((d) => d.kind === kind && d.deviceId)
      .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
  return { microphones: of('audioinput', 'Microphone'), cameras: of('videoinput', 'Camera') };
}

/**
 * The microphones and cameras this browser has (labels appear once a permission was granted);
 * refreshed when devices are plugged in or out, and when `refresh` changes.
 */
export function useMediaDevices(refresh: unknown): DeviceLists {
  const [devices, setDevices] = useState<DeviceLists>(EMPTY);
  useEffect(() => {
    let cancelled = false;
    const update = () =>
      void list()
        .then((next) => {
          if (!cancelled) setDevices(next);
        })
        .catch(() => {});
    update();
    navigator.mediaDevices?.addEventListener('devicechange', update);
    return () => {
      cancelled = true;
      navigator.mediaDevices?.removeEventListener('devicechange', update);
    };
  }, [refresh]);
  return devices;
}
