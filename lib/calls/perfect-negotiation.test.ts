import { describe, expect, expectTypeOf, it } from 'vitest';

import { FakePeerConnection, tick } from '@/test/fake-peer';
import {
  PerfectNegotiation,
  isPolite,
  type NegotiablePeerConnection,
  type SignalData,
} from './perfect-negotiation';

type Side = {
  pc: FakePeerConnection;
  negotiation: PerfectNegotiation;
  errors: unknown[];
  received: SignalData[];
};

/**
 * Two peers joined by a signalling channel that delivers each message a macrotask later, in
 * order (as the call room does). `politeness` overrides the isPolite rule to test misuse.
 */
function pair(opts: { politeness?: [boolean, boolean] } = {}) {
  const names = ['ana', 'ben'] as const;
  const sides: Side[] = [];
  names.forEach((name, i) => {
    const other = names[1 - i]!;
    const pc = new FakePeerConnection(name);
    const errors: unknown[] = [];
    const side: Side = {
      pc,
      errors,
      received: [],
      negotiation: new PerfectNegotiation({
        pc,
        polite: opts.politeness?.[i] ?? isPolite(name, other),
        onError: (error) => errors.push(error),
        send: (data) => {
          void tick().then(() => {
            const peer = sides[1 - i]!;
            peer.received.push(data);
            void peer.negotiation.receive(data);
          });
        },
      }),
    };
    pc.onnegotiationneeded = () => void side.negotiation.negotiate();
    pc.onicecandidate = (candidate) => side.negotiation.sendCandidate(candidate);
    sides.push(side);
  });
  return sides as [Side, Side];
}

/** Lets every queued message and operation run. */
async function settle(rounds = 60) {
  for (let i = 0; i < rounds; i++) await tick();
}

/** Both sides stable, each holding the other's latest description: media would flow. */
function expectConnected([a, b]: [Side, Side]) {
  expect([a.pc.signalingState, b.pc.signalingState]).toEqual(['stable', 'stable']);
  expect(a.pc.remoteDescription?.sdp).toBe(b.pc.localDescription?.sdp);
  expect(b.pc.remoteDescription?.sdp).toBe(a.pc.localDescription?.sdp);
  expect([a.errors, b.errors]).toEqual([[], []]);
}

describe('isPolite', () => {
  it('makes exactly one side of any pair polite', () => {
    expect(isPolite('ana', 'ben')).not.toBe(isPolite('ben', 'ana'));
    expect(isPolite('u_b', 'u_a')).toBe(true);
  });

  it('accepts a real RTCPeerConnection', () => {
    expectTypeOf<RTCPeerConnection>().toExtend<NegotiablePeerConnection>();
  });
});

describe('PerfectNegotiation', () => {
  it('connects when one side offers', async () => {
    const sides = pair();
    sides[0].pc.change();
    await settle();
    expectConnected(sides);
    expect(sides[0].pc.localDescription?.type).toBe('offer');
    expect(sides[1].pc.localDescription?.type).toBe('answer');
    // Each side's candidate reached the other.
    expect(sides[0].pc.candidates).toEqual([{ candidate: 'ben-answer-1-candidate', sdpMid: '0' }]);
    expect(sides[1].pc.candidates).toEqual([{ candidate: 'ana-offer-1-candidate', sdpMid: '0' }]);
  });

  it('survives glare: both offer at once, nobody deadlocks, both end stable', async () => {
    const [ana, ben] = pair();
    const polite = ana.negotiation.polite ? ana : ben;
    const impolite = polite === ana ? ben : ana;
    ana.pc.change();
    ben.pc.change();
    await settle();
    expectConnected([ana, ben]);
    // The polite side rolled its offer back, answered, then offered again; the impolite side
    // ignored the colliding offer (and its candidate) without an error.
    expect(polite.pc.log).toContain('rollback');
    expect(impolite.pc.log).not.toContain('rollback');
    expect(impolite.received.filter((d) => 'description' in d)).toHaveLength(3);
    expect(polite.pc.localDescription?.type).toBe('offer');
    expect(impolite.negotiation.flags).toEqual({
      makingOffer: false,
      ignoreOffer: false,
      isSettingRemoteAnswerPending: false,
    });
  });

  it('survives glare on renegotiation (screen sharing on both sides at once)', async () => {
    const sides = pair();
    sides[0].pc.change();
    await settle();
    expectConnected(sides);
    sides[0].pc.change();
    sides[1].pc.change();
    await settle();
    expectConnected(sides);
  });

  it('survives many rounds of simultaneous changes', async () => {
    const sides = pair();
    for (let round = 0; round < 5; round++) {
      sides[round % 2]!.pc.change();
      sides[(round + 1) % 2]!.pc.change();
      await tick();
    }
    await settle(200);
    expectConnected(sides);
  });

  it('deadlocks when both sides are impolite, which is why the roles matter', async () => {
    const [ana, ben] = pair({ politeness: [false, false] });
    ana.pc.change();
    ben.pc.change();
    await settle();
    expect([ana.pc.signalingState, ben.pc.signalingState]).toEqual([
      'have-local-offer',
      'have-local-offer',
    ]);
  });

  it('restarts ICE when the connection failed, and reconnects', async () => {
    const sides = pair();
    sides[0].pc.change();
    await settle();
    sides[1].negotiation.iceStateChanged('disconnected');
    expect(sides[1].pc.log).not.toContain('restartIce');
    sides[1].negotiation.iceStateChanged('failed');
    await settle();
    expect(sides[1].pc.log).toContain('restartIce');
    expect(sides[1].pc.localDescription?.type).toBe('offer');
    expectConnected(sides);
  });

  it('flags an answer being applied, so an offer right behind it is not a collision', async () => {
    const pc = new FakePeerConnection('solo');
    const sent: SignalData[] = [];
    const negotiation = new PerfectNegotiation({ pc, polite: false, send: (d) => sent.push(d) });
    await negotiation.negotiate();
    const applying = negotiation.receive({ description: { type: 'answer', sdp: 'x-answer-1' } });
    await Promise.resolve();
    expect(negotiation.flags.isSettingRemoteAnswerPending).toBe(true);
    await applying;
    expect(negotiation.flags.isSettingRemoteAnswerPending).toBe(false);
    await negotiation.receive({ description: { type: 'offer', sdp: 'x-offer-2' } });
    expect(negotiation.flags.ignoreOffer).toBe(false);
    expect(pc.signalingState).toBe('stable');
    expect(sent.at(-1)).toEqual({ description: { type: 'answer', sdp: 'solo-answer-2' } });
  });

  it('reports failures it does not expect, and keeps handling later signals', async () => {
    const pc = new FakePeerConnection('solo');
    const errors: unknown[] = [];
    const negotiation = new PerfectNegotiation({
      pc,
      polite: true,
      send: () => {},
      onError: (error) => errors.push(error),
    });
    // A candidate before any description, and an answer to no offer: both are real errors.
    await negotiation.receive({ candidate: { candidate: 'c', sdpMid: '0' } });
    await negotiation.receive({ description: { type: 'answer', sdp: 'nobody-asked' } });
    expect(errors).toHaveLength(2);
    await negotiation.receive({ description: { type: 'offer', sdp: 'x-offer-1' } });
    expect(pc.signalingState).toBe('stable');
  });

  it('sends candidates as plain objects, and nothing for the end of candidates', () => {
    const sent: SignalData[] = [];
    const negotiation = new PerfectNegotiation({
      pc: new FakePeerConnection('solo'),
      polite: true,
      send: (d) => sent.push(d),
    });
    negotiation.sendCandidate(null);
    negotiation.sendCandidate({ toJSON: () => ({ candidate: 'a', sdpMLineIndex: 0 }) });
    negotiation.sendCandidate({ candidate: 'b', sdpMid: '1' });
    expect(sent).toEqual([
      { candidate: { candidate: 'a', sdpMLineIndex: 0 } },
      { candidate: { candidate: 'b', sdpMid: '1' } },
    ]);
  });
});
