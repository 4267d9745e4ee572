/**
 * "Perfect negotiation" (W3C WebRTC spec §10.7, MDN): both peers may renegotiate at any time
 * (adding a camera, sharing a screen, an ICE restart) and an offer collision (glare) never
 * deadlocks. Of each pair one peer is polite: on a collision it rolls its own offer back and
 * answers the other's; the impolite peer ignores the colliding offer and waits for an answer.
 *
 * Browser wiring (one instance per remote peer):
 *
 *   const negotiation = new PerfectNegotiation({ pc, polite: isPolite(meId, peerId),
 *     send: (data) => room.send({ type: 'signal', to: peerId, data }) });
 *   pc.onnegotiationneeded = () => void negotiation.negotiate();
 *   pc.onicecandidate = ({ candidate }) => negotiation.sendCandidate(candidate);
 *   pc.oniceconnectionstatechange = () => negotiation.iceStateChanged(pc.iceConnectionState);
 *   // for each `signal` frame from peerId:  void negotiation.receive(frame.data);
 */

export type SdpType = 'offer' | 'answer' | 'pranswer' | 'rollback';
export type DescriptionLike = { type: SdpType; sdp?: string };
export type CandidateLike = {
  candidate?: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
};
/** What peers exchange through the call room (`signal` frames' `data`). */
export type SignalData = { description: DescriptionLike } | { candidate: CandidateLike };

/** The part of RTCPeerConnection the pattern uses; RTCPeerConnection itself fits. */
export interface NegotiablePeerConnection {
  readonly signalingState: string;
  readonly localDescription: { type: SdpType; sdp: string } | null;
  /** Without an argument: creates the right offer or answer (implicit description). */
  setLocalDescription(): Promise<void>;
  /** An offer in have-local-offer rolls the local offer back first (implicit rollback). */
  setRemoteDescription(description: DescriptionLike): Promise<void>;
  addIceCandidate(candidate: CandidateLike): Promise<void>;
  restartIce(): void;
}

/** The same rule on both sides of a pair, so exactly one of them is polite. */
export const isPolite = (selfId: string, peerId: string): boolean => selfId > peerId;

export class PerfectNegotiation {
  private makingOffer = false;
  private ignoreOffer = false;
  private isSettingRemoteAnswerPending = false;
  /** Incoming signals are handled one at a time, in arrival order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly opts: {
      pc: NegotiablePeerConnection;
      polite: boolean;
      send: (data: SignalData) => void;
      /** Failures that the pattern does not expect (the default logs them). */
      onError?: (error: unknown) => void;
    },
  ) {}

  get polite(): boolean {
    return this.opts.polite;
  }

  /** The pattern's three flags, for tests and debugging. */
  get flags() {
    return {
      makingOffer: this.makingOffer,
      ignoreOffer: this.ignoreOffer,
      isSettingRemoteAnswerPending: this.isSettingRemoteAnswerPending,
    };
  }

  /** From `negotiationneeded`: make and send an offer. */
  async negotiate(): Promise<void> {
    const { pc } = this.opts;
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      this.sendLocalDescription();
    } catch (error) {
      this.fail(error);
    } finally {
      this.makingOffer = false;
    }
  }

  /** From `icecandidate`: forwards a candidate; the end-of-candidates null needs no message. */
  sendCandidate(candidate: CandidateLike | { toJSON(): CandidateLike } | null): void {
    if (!candidate) return;
    const init = 'toJSON' in candidate ? candidate.toJSON() : candidate;
    this.opts.send({ candidate: init });
  }

  /** From `iceconnectionstatechange`: a failed connection restarts ICE (renegotiates). */
  iceStateChanged(state: string): void {
    if (state === 'failed') this.opts.pc.restartIce();
  }

  /** A signal from the peer. Resolves once it (and everything before it) was handled. */
  receive(data: SignalData): Promise<void> {
    this.queue = this.queue.then(() => this.handle(data));
    return this.queue;
  }

  private async handle(data: SignalData): Promise<void> {
    const { pc, polite } = this.opts;
    try {
      if ('description' in data) {
        const { description } = data;
        // An offer is welcome unless we are making one ourselves or hold one unanswered; an
        // answer being applied right now counts as stable already.
        const readyForOffer =
          !this.makingOffer &&
          (pc.signalingState === 'stable' || this.isSettingRemoteAnswerPending);
        const offerCollision = description.type === 'offer' && !readyForOffer;
        this.ignoreOffer = !polite && offerCollision;
        if (this.ignoreOffer) return;
        this.isSettingRemoteAnswerPending = description.type === 'answer';
        try {
          await pc.setRemoteDescription(description);
        } finally {
          this.isSettingRemoteAnswerPending = false;
        }
        if (description.type === 'offer') {
          await pc.setLocalDescription();
          this.sendLocalDescription();
        }
        return;
      }
      try {
        await pc.addIceCandidate(data.candidate);
      } catch (error) {
        // Candidates of an offer we ignored cannot be added, and need not be.
        if (!this.ignoreOffer) throw error;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  restartIce(): void {
    this.opts.pc.restartIce();
  }

  private sendLocalDescription(): void {
    const local = this.opts.pc.localDescription;
    if (local) this.opts.send({ description: { type: local.type, sdp: local.sdp } });
  }

  private fail(error: unknown): void {
    if (this.opts.onError) this.opts.onError(error);
    else console.error('WebRTC negotiation failed', error);
  }
}
