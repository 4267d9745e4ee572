import { describe, expect, it } from 'vitest';

import type { CurrentCall, PeerView } from '@/lib/calls/client/call-store';

import { callStatus } from './status';

const call: CurrentCall = {
  callId: 'k1',
  conversationId: 'c1',
  kind: 'video',
  startedBy: 'u1',
  isCaller: true,
  ringing: false,
  ringUntil: null,
  joinedAt: 1_000,
  socket: 'open',
  notice: null,
  ended: null,
};
const QUIET = { muted: false, cameraOff: false, screenSharing: false, speaking: false };
const peer = (state: string, iceState = 'connected'): PeerView => ({
  userId: 'u2',
  state,
  iceState,
  stream: null,
  version: 0,
  media: QUIET,
});

describe('callStatus', () => {
  it('names each stage of a call', () => {
    expect(callStatus({ ...call, ringing: true }, [], 0)).toBe('Ringing…');
    expect(callStatus({ ...call, socket: 'connecting' }, [], 0)).toBe('Connecting…');
    expect(callStatus({ ...call, socket: 'reconnecting' }, [peer('connected')], 0)).toBe(
      'Reconnecting…',
    );
    expect(callStatus(call, [], 0)).toBe('Waiting for others…');
    expect(callStatus(call, [peer('connecting', 'checking')], 0)).toBe('Connecting…');
    expect(callStatus(call, [peer('connected', 'disconnected')], 0)).toBe('Reconnecting…');
    expect(callStatus(call, [peer('failed', 'failed')], 0)).toBe('Reconnecting…');
    expect(callStatus(call, [peer('connected')], 66_000)).toBe('1:05');
  });
});
