import 'client-only';

import { PerfectNegotiation, isPolite, type SignalData } from '../perfect-negotiation';

export type LocalTracks = {
  /** The stream the tracks are sent as (so the other side groups them). */
  stream: MediaStream;
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
};

export type PeerChange = {
  state?: string;
  iceState?: string;
  stream?: MediaStream;
};

/** ICE "disconnected" this long (it may recover by itself) triggers an ICE restart. */
const RESTART_AFTER_DISCONNECTED_MS = 4000;

/**
 * One RTCPeerConnection to one other participant, wired to the perfect negotiation pattern (see
 * perfect-negotiation.ts). The `initiator` (the one who joined later) sends the first offer: it
 * adds receive-only transceivers for what it does not send, so it still gets the other's audio
 * and video. The other side creates its link when that offer arrives and answers with its tracks.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private readonly negotiation: PerfectNegotiation;
  /** Everything received from this peer, one stream (its tracks replaced as they change). */
  readonly remote = new MediaStream();
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly opts: {
      meId: string;
      peerId: string;
      iceServers: RTCIceServer[];
      initiator: boolean;
      /** Video call: an initiator without a camera still asks for the others' video. */
      video: boolean;
      local: LocalTracks;
      send: (data: SignalData) => void;
      onChange: (change: PeerChange) => void;
    },
  ) {
    const pc = new RTCPeerConnection({ iceServers: opts.iceServers });
    this.pc = pc;
    this.negotiation = new PerfectNegotiation({
      pc,
      polite: isPolite(opts.meId, opts.peerId),
      send: opts.send,
      onError: (error) => console.warn('call negotiation with', opts.peerId, error),
    });
    pc.onnegotiationneeded = () => void this.negotiation.negotiate();
    pc.onicecandidate = ({ candidate }) => this.negotiation.sendCandidate(candidate);
    pc.oniceconnectionstatechange = () => this.iceChanged();
    pc.onconnectionstatechange = () => opts.onChange({ state: pc.connectionState });
    pc.ontrack = ({ track }) => this.trackArrived(track);

    const { local } = opts;
    if (local.audio) pc.addTrack(local.audio, local.stream);
    else if (opts.initiator) pc.addTransceiver('audio', { direction: 'recvonly' });
    if (local.video) pc.addTrack(local.video, local.stream);
    else if (opts.initiator && opts.video) pc.addTransceiver('video', { direction: 'recvonly' });
  }

  /** A `signal` frame from this peer. */
  receive(data: SignalData): void {
    void this.negotiation.receive(data);
  }

  /**
   * Sends `track` instead of what this kind sent before (null: nothing, e.g. camera off). Uses the
   * existing transceiver (replaceTrack, no renegotiation) and only renegotiates when there was
   * none or it did not send yet (perfect negotiation then sends the offer).
   */
  async setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null, stream: MediaStream) {
    if (this.closed) return;
    const transceiver = this.pc
      .getTransceivers()
      .find((t) => t.receiver.track.kind === kind && t.currentDirection !== 'stopped');
    if (!transceiver) {
      if (track) this.pc.addTrack(track, stream);
      return;
    }
    await transceiver.sender.replaceTrack(track);
    if (!track) return;
    transceiver.sender.setStreams(stream);
    if (transceiver.direction === 'recvonly') transceiver.direction = 'sendrecv';
    else if (transceiver.direction === 'inactive') transceiver.direction = 'sendonly';
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.restartTimer);
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.oniceconnectionstatechange = null;
    this.pc.onconnectionstatechange = null;
    this.pc.ontrack = null;
    this.pc.close();
  }

  private iceChanged(): void {
    const state = this.pc.iceConnectionState;
    this.negotiation.iceStateChanged(state);
    clearTimeout(this.restartTimer);
    if (state === 'disconnected')
      this.restartTimer = setTimeout(() => {
        if (!this.closed && this.pc.iceConnectionState === 'disconnected')
          this.negotiation.restartIce();
      }, RESTART_AFTER_DISCONNECTED_MS);
    this.opts.onChange({ iceState: state });
  }

  private trackArrived(track: MediaStreamTrack): void {
    for (const old of this.remote.getTracks())
      if (old.kind === track.kind && old.id !== track.id) this.remote.removeTrack(old);
    if (!this.remote.getTrackById(track.id)) this.remote.addTrack(track);
    const changed = () => this.opts.onChange({ stream: this.remote });
    track.onunmute = changed;
    track.onmute = changed;
    changed();
  }
}
