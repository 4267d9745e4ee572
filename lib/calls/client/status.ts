import 'client-only';

import type { CurrentCall, PeerView } from '@/lib/calls/client/call-store';

import { formatCallDuration } from '../describe';

const BROKEN = new Set(['disconnected', 'failed']);

/** "Ringing…", "Connecting…", "Reconnecting…", "Waiting for others…" or the call's clock. */
export function callStatus(call: CurrentCall, peers: PeerView[], now: number): string {
  if (call.ringing) return 'Ringing…';
  if (call.socket === 'reconnecting') return 'Reconnecting…';
  if (call.socket === 'connecting') return 'Connecting…';
  if (peers.some((p) => BROKEN.has(p.state) || BROKEN.has(p.iceState))) return 'Reconnecting…';
  if (peers.length === 0) return 'Waiting for others…';
  if (peers.some((p) => p.state !== 'connected')) return 'Connecting…';
  return formatCallDuration(now - (call.joinedAt ?? now));
}
