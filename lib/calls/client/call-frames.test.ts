import { beforeEach, describe, expect, it, vi } from 'vitest';

import { applyCallFrame, type CallFrameTarget } from './call-frames';
import { signalFrame } from './call-room';
import { useCallStore } from './call-store';

const media = { muted: false, cameraOff: true, screenSharing: false, speaking: false };

function target(linked: string[] = []) {
  const calls: string[] = [];
  const call: CallFrameTarget = {
    callId: 'k1',
    linkedPeers: () => linked,
    answered: () => calls.push('answered'),
    dropPeer: (id) => calls.push(`drop ${id}`),
    offerTo: (id) => calls.push(`offer ${id}`),
    receiveSignal: (from) => calls.push(`signal ${from}`),
    leaveRoom: () => calls.push('leave'),
  };
  return { call, calls };
}

beforeEach(() => {
  useCallStore.setState({ incoming: {}, live: {}, current: null, peers: {} });
});

describe('applyCallFrame', () => {
  it('on (re)joining, drops links to who left and offers afresh to everyone in the room', () => {
    const { call, calls } = target(['u-gone', 'u-ana']);
    applyCallFrame(
      { type: 'call.state', callId: 'k1', participants: [{ userId: 'u-ana', media }] },
      call,
    );
    expect(calls).toEqual(['answered', 'drop u-gone', 'drop u-ana', 'offer u-ana']);
    expect(useCallStore.getState().peers['u-ana']?.media).toEqual(media);
  });

  it('someone joining answers the call and waits for their offer', () => {
    const { call, calls } = target();
    applyCallFrame({ type: 'call.joined', userId: 'u-ben', media }, call);
    expect(calls).toEqual(['answered', 'drop u-ben']);
  });

  it('a full room is left at once; a room that ended is left, the call ended after a grace', () => {
    vi.useFakeTimers();
    useCallStore.getState().begin({
      callId: 'k1',
      conversationId: 'c1',
      kind: 'audio',
      startedBy: 'u-me',
      isCaller: true,
      ringing: false,
      ringUntil: null,
      joinedAt: 1,
    });
    const ended = target();
    applyCallFrame({ type: 'error', code: 'call_ended', message: 'ended' }, ended.call);
    expect(ended.calls).toEqual(['leave']);
    expect(useCallStore.getState().current?.ended).toBeFalsy();
    vi.advanceTimersByTime(2000);
    expect(useCallStore.getState().current?.ended?.reason).toBe('completed');
    vi.useRealTimers();

    useCallStore.setState({ current: null });
    const full = target();
    applyCallFrame({ type: 'error', code: 'call_full', message: 'full' }, full.call);
    expect(full.calls).toEqual(['leave']);
  });
});

describe('signalFrame', () => {
  it('relays descriptions and candidates, never a candidate without its line', () => {
    expect(signalFrame('u-ana', { description: { type: 'offer', sdp: 'v=0' } })).toEqual({
      type: 'signal',
      to: 'u-ana',
      data: { description: { type: 'offer', sdp: 'v=0' } },
    });
    expect(
      signalFrame('u-ana', { candidate: { candidate: 'candidate:1', sdpMid: '0' } }),
    ).toMatchObject({ data: { candidate: { candidate: 'candidate:1', sdpMid: '0' } } });
    expect(signalFrame('u-ana', { candidate: { sdpMid: '0' } })).toBeNull();
  });
});
