'use client';

import 'client-only';
import { useEffect, useState } from 'react';

import { levelMeter } from './audio';

/** Louder than this (RMS) counts as speech. */
const THRESHOLD = 0.04;
/** Speaking stays on this long after the last loud sample, so the indicator does not flicker. */
const HOLD_MS = 600;

/**
 * Whether someone is speaking on `stream`, from an AudioContext analyser sampled a few times a
 * second. `version` changes when tracks were added to the same stream.
 */
export function useSpeaking(stream: MediaStream | null, version = 0): boolean {
  const [speaking, setSpeaking] = useState<{ stream: MediaStream; on: boolean } | null>(null);
  useEffect(() => {
    if (!stream) return;
    const meter = levelMeter(stream);
    if (!meter) return;
    let loudAt = 0;
    let on = false;
    const timer = setInterval(() => {
      const now = Date.now();
      if (meter.read() > THRESHOLD) loudAt = now;
      const next = now - loudAt < HOLD_MS;
      if (next !== on) {
        on = next;
        setSpeaking({ stream, on });
      }
    }, 150);
    return () => {
      clearInterval(timer);
      meter.stop();
    };
  }, [stream, version]);
  return speaking !== null && speaking.stream === stream && speaking.on;
}
