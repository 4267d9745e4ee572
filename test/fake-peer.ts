import type {
  CandidateLike,
  DescriptionLike,
  NegotiablePeerConnection,
  SdpType,
} from '@/lib/calls/perfect-negotiation';

/** One macrotask: long enough for the other side's messages to interleave, as on a network. */
export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A stand-in RTCPeerConnection for unit tests: the JSEP signalling states, implicit descriptions
 * and rollback, an operations chain (each operation completes a macrotask later, in call order),
 * ICE candidates that need a remote description, and `negotiationneeded` as browsers fire it:
 * only when stable with nothing queued, coalesced, and again whenever a negotiation ends with
 * local changes still unanswered (after a rollback dropped them, say). SDP is a label such as
 * "ana-offer-1".
 */
export class FakePeerConnection implements NegotiablePeerConnection {
  signalingState: 'stable' | 'have-local-offer' | 'have-remote-offer' | 'closed' = 'stable';
  localDescription: { type: SdpType; sdp: string } | null = null;
  remoteDescription: DescriptionLike | null = null;
  readonly candidates: CandidateLike[] = [];
  readonly log: string[] = [];
  onnegotiationneeded: (() => void) | null = null;
  onicecandidate: ((candidate: CandidateLike) => void) | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private running = 0;
  private count = 0;
  /** Local changes made, included in our latest offer, and answered by the other side. */
  private changes = 0;
  private offered = 0;
  private negotiated = 0;
  private checking = false;

  constructor(readonly name: string) {}

  /** Like addTrack: there is something new to negotiate. */
  change(): void {
    this.changes++;
    this.checkNegotiationNeeded();
  }

  restartIce(): void {
    this.log.push('restartIce');
    this.change();
  }

  setLocalDescription(): Promise<void> {
    return this.op(() => {
      const answering = this.signalingState === 'have-remote-offer';
      const type = answering ? 'answer' : 'offer';
      this.localDescription = { type, sdp: `${this.name}-${type}-${++this.count}` };
      this.signalingState = answering ? 'stable' : 'have-local-offer';
      if (!answering) this.offered = this.changes;
      this.log.push(`local ${this.localDescription.sdp}`);
      // Each description brings one candidate, delivered after it, as a browser gathers them.
      const candidate = { candidate: `${this.localDescription.sdp}-candidate`, sdpMid: '0' };
      void tick().then(() => this.onicecandidate?.(candidate));
      if (answering) this.checkNegotiationNeeded();
    });
  }

  setRemoteDescription(description: DescriptionLike): Promise<void> {
    return this.op(() => {
      if (description.type === 'offer') {
        if (this.signalingState === 'have-local-offer') {
          this.log.push('rollback');
          this.localDescription = null;
          this.signalingState = 'stable';
        }
        if (this.signalingState !== 'stable') throw new Error('InvalidStateError: offer');
        this.signalingState = 'have-remote-offer';
      } else if (description.type === 'answer') {
        if (this.signalingState !== 'have-local-offer')
          throw new Error(`InvalidStateError: answer in ${this.signalingState}`);
        this.signalingState = 'stable';
        this.negotiated = this.offered;
        this.checkNegotiationNeeded();
      } else throw new Error(`unsupported ${description.type}`);
      this.remoteDescription = description;
      this.log.push(`remote ${description.sdp}`);
    });
  }

  addIceCandidate(candidate: CandidateLike): Promise<void> {
    return this.op(() => {
      if (!this.remoteDescription) throw new Error('InvalidStateError: no remote description');
      this.candidates.push(candidate);
    });
  }

  /** Fires `negotiationneeded` (once) if, a moment later, there is still something to do. */
  private checkNegotiationNeeded(): void {
    if (this.checking) return;
    this.checking = true;
    void tick().then(() => {
      this.checking = false;
      const idle = this.signalingState === 'stable' && this.running === 0;
      if (idle && this.changes > this.negotiated) this.onnegotiationneeded?.();
    });
  }

  private op<T>(fn: () => T): Promise<T> {
    this.running++;
    const result = this.chain.then(tick).then(fn);
    this.chain = result
      .catch(() => undefined)
      .finally(() => {
        this.running--;
        if (this.running === 0) this.checkNegotiationNeeded();
      });
    return result;
  }
}
