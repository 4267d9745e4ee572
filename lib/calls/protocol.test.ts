import { describe, expect, expectTypeOf, it } from 'vitest';

import {
  callClientFrameSchema,
  parseFrame,
  roomEventSchema,
  serverFrameSchema,
  type SignalFrameData,
} from '@/lib/realtime/protocol';

import type { SignalData } from './perfect-negotiation';

const parse = (frame: unknown) => parseFrame(callClientFrameSchema, JSON.stringify(frame));

describe('call room frames', () => {
  it('carries exactly what PerfectNegotiation sends', () => {
    expectTypeOf<SignalFrameData>().toExtend<SignalData>();
    const offer = { description: { type: 'offer', sdp: 'v=0' } };
    const rollback = { description: { type: 'rollback' } };
    const candidate = { candidate: { candidate: 'candidate:1', sdpMid: null, sdpMLineIndex: 0 } };
    for (const data of [offer, rollback, candidate])
      expect(parse({ type: 'signal', to: 'u_ben', data })).toEqual({
        ok: true,
        frame: { type: 'signal', to: 'u_ben', data },
      });
  });

  it('refuses signals that are both, neither, oversized or addressed oddly', () => {
    const bad = [
      { type: 'signal', to: 'u_ben', data: {} },
      {
        type: 'signal',
        to: 'u_ben',
        data: { description: { type: 'offer' }, candidate: { candidate: '' } },
      },
      {
        type: 'signal',
        to: 'u_ben',
        data: { description: { type: 'offer', sdp: 'x'.repeat(200_001) } },
      },
      { type: 'signal', to: 'u_ben', data: { candidate: { candidate: 'x'.repeat(4097) } } },
      { type: 'signal', to: 'u ben', data: { description: { type: 'answer' } } },
      { type: 'signal', data: { description: { type: 'answer' } } },
    ];
    for (const frame of bad) expect(parse(frame)).toMatchObject({ ok: false });
  });

  it('takes partial media updates and refuses wrong types', () => {
    expect(parse({ type: 'media', speaking: true })).toEqual({
      ok: true,
      frame: { type: 'media', speaking: true },
    });
    expect(parse({ type: 'media', screenSharing: 'on' })).toMatchObject({ ok: false });
    expect(parse({ type: 'typing', state: 'start' })).toMatchObject({ ok: false });
  });

  it('parses what the call room and the inbox send about calls', () => {
    const media = { muted: true, cameraOff: false, screenSharing: false, speaking: false };
    const frames = [
      { type: 'call.state', callId: 'call_1', participants: [{ userId: 'u_a', media }] },
      { type: 'call.joined', userId: 'u_a', media },
      { type: 'call.left', userId: 'u_a' },
      { type: 'call.media', userId: 'u_a', media },
      { type: 'signal', from: 'u_a', data: { description: { type: 'answer', sdp: 'v=0' } } },
      { type: 'error', code: 'call_full', message: 'full' },
    ];
    for (const frame of frames)
      expect(parseFrame(serverFrameSchema, JSON.stringify(frame))).toEqual({ ok: true, frame });
    const events = [
      {
        type: 'call.ringing',
        conversationId: 'c_1',
        callId: 'call_1',
        kind: 'video',
        callerId: 'u_a',
        ringUntil: '2030-01-01T00:00:30.000Z',
      },
      {
        type: 'call.updated',
        conversationId: 'c_1',
        callId: 'call_1',
        state: 'active',
        participants: ['u_a', 'u_b'],
        declinedBy: [],
      },
      {
        type: 'call.ended',
        conversationId: 'c_1',
        callId: 'call_1',
        outcome: 'missed',
        durationMs: 0,
      },
    ];
    for (const event of events) expect(roomEventSchema.parse(event)).toEqual(event);
  });
});
