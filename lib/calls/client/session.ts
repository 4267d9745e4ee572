import 'client-only';

import type { CallClientFrame, MediaState, ServerFrame } from '@/lib/realtime/protocol';
import { useCallStore, type CallKind } from '@/lib/calls/client/call-store';
import { toast } from '@/lib/ui/client/toast-store';

import { callsApi } from './api';
import { applyCallFrame } from './call-frames';
import { openCallRoom, signalFrame, type CallRoom } from './call-room';
import { acquireMedia, deviceTrack, mediaErrorMessage, screenTrack } from './media';
import { PeerLink } from './peer';

declare global {
  interface Window {
    /** Set by end-to-end tests before a call starts: the session then exposes its peers. */
    __parleyCallDebug?: boolean;
    __parleyCall?: { peers: () => { userId: string; pc: RTCPeerConnection }[] };
  }
}

const store = () => useCallStore.getState();

/**
 * This tab's side of one call: its camera and microphone, its connection to the call room
 * (signalling, who is in, media state) and one PeerLink per other participant (a mesh).
 * Everything the UI shows goes into the call store. `close()` stops it all; it is final.
 */
export class CallSession {
  private room: CallRoom | null = null;
  private readonly links = new Map<string, PeerLink>();
  private readonly stream = new MediaStream();
  private audio: MediaStreamTrack | null = null;
  private camera: MediaStreamTrack | null = null;
  private screen: MediaStreamTrack | null = null;
  private iceServers: RTCIceServer[] = [];
  private media: Pick<MediaState, 'muted' | 'cameraOff' | 'screenSharing'> = {
    muted: false,
    cameraOff: true,
    screenSharing: false,
  };
  private opened = false;
  private closed = false;
  private preview: MediaStream | null = null;
  private previewKey = '';

  constructor(
    readonly callId: string,
    private readonly opts: { host: string; meId: string; kind: CallKind },
  ) {}

  /** Asks for the devices and the ICE servers, then joins the call room. */
  async start(): Promise<void> {
    const [media, iceServers] = await Promise.all([
      acquireMedia(this.opts.kind),
      callsApi.iceServers().catch(() => []),
    ]);
    if (this.closed) {
      media.audio?.stop();
      media.video?.stop();
      return;
    }
    this.iceServers = iceServers;
    this.audio = media.audio;
    this.camera = media.video;
    this.media.cameraOff = !media.video;
    // Without a microphone the others see this person as muted.
    this.media.muted = !media.audio;
    store().patchCurrent(this.callId, { notice: media.notice });
    this.publishLocal();
    if (window.__parleyCallDebug) window.__parleyCall = { peers: () => this.peerConnections() };
    this.connect();
  }

  /** Each other participant's peer connection (for the end-to-end tests' getStats). */
  peerConnections(): { userId: string; pc: RTCPeerConnection }[] {
    return [...this.links].map(([userId, link]) => ({ userId, pc: link.pc }));
  }

  // ── Controls ──────────────────────────────────────────────────────────────────────────────

  setMuted(muted: boolean): void {
    if (this.audio) this.audio.enabled = !muted;
    this.setMedia({ muted });
  }

  async setCameraOff(off: boolean): Promise<void> {
    if (off) {
      this.camera?.stop();
      this.camera = null;
    } else if (!this.camera) {
      try {
        this.camera = await deviceTrack('video', store().local.cameraId);
      } catch (error) {
        toast({ title: mediaErrorMessage('Camera', error), variant: 'error' });
        return;
      }
      if (this.closed) return this.camera.stop();
    }
    if (!this.screen) await this.sendVideo(this.camera);
    this.setMedia({ cameraOff: off });
  }

  async shareScreen(): Promise<void> {
    let track: MediaStreamTrack | null;
    try {
      track = await screenTrack();
    } catch (error) {
      toast({ title: 'Could not share the screen', description: String(error), variant: 'error' });
      return;
    }
    if (!track) return;
    if (this.closed) return track.stop();
    this.screen?.stop();
    this.screen = track;
    track.onended = () => void this.stopSharing();
    await this.sendVideo(track);
    this.setMedia({ screenSharing: true });
  }

  async stopSharing(): Promise<void> {
    if (!this.screen) return;
    this.screen.onended = null;
    this.screen.stop();
    this.screen = null;
    if (this.closed) return;
    await this.sendVideo(this.camera);
    this.setMedia({ screenSharing: false });
  }

  async selectDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    const field = kind === 'audio' ? 'micId' : 'cameraId';
    store().setLocal({ [field]: deviceId });
    // The camera is off: the choice applies when it comes back on.
    if (kind === 'video' && !this.camera) return;
    let track: MediaStreamTrack;
    try {
      track = await deviceTrack(kind, deviceId);
    } catch (error) {
      toast({
        title: mediaErrorMessage(kind === 'audio' ? 'Microphone' : 'Camera', error),
        variant: 'error',
      });
      return;
    }
    if (this.closed) return track.stop();
    if (kind === 'audio') {
      this.audio?.stop();
      track.enabled = !this.media.muted;
      this.audio = track;
      await Promise.all(
        [...this.links.values()].map((l) => l.setTrack('audio', track, this.stream)),
      );
      this.publishLocal();
    } else {
      this.camera?.stop();
      this.camera = track;
      if (!this.screen) await this.sendVideo(track);
      else this.publishLocal();
    }
  }

  /** Stops everything: devices, peer connections, the room connection. Final. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.room?.close();
    this.room = null;
    for (const link of this.links.values()) link.close();
    this.links.clear();
    for (const track of [this.audio, this.camera, this.screen]) track?.stop();
    this.audio = this.camera = this.screen = null;
    if (window.__parleyCall) delete window.__parleyCall;
  }

  // ── Room ──────────────────────────────────────────────────────────────────────────────────

  private connect(): void {
    const { callId } = this;
    this.room = openCallRoom({
      host: this.opts.host,
      callId,
      onOpen: () => {
        if (this.closed) return;
        this.opened = true;
        store().patchCurrent(callId, { socket: 'open' });
        // The room starts everyone unmuted with the camera on: say how it really is.
        this.sendFrame({ type: 'media', ...this.media });
      },
      onDown: () => {
        if (!this.closed)
          store().patchCurrent(callId, { socket: this.opened ? 'reconnecting' : 'connecting' });
      },
      onFrame: (frame) => !this.closed && this.onFrame(frame),
    });
  }

  private onFrame(frame: ServerFrame): void {
    applyCallFrame(frame, {
      callId: this.callId,
      linkedPeers: () => [...this.links.keys()],
      answered: () => this.answered(),
      dropPeer: (userId) => this.dropPeer(userId),
      offerTo: (userId) => void this.createLink(userId, true),
      receiveSignal: (from, data) =>
        (this.links.get(from) ?? this.createLink(from, false)).receive(data),
      leaveRoom: () => this.room?.close(),
    });
  }

  private answered(): void {
    if (store().current?.ringing)
      store().patchCurrent(this.callId, { ringing: false, ringUntil: null, joinedAt: Date.now() });
  }

  private createLink(peerId: string, initiator: boolean): PeerLink {
    const link = new PeerLink({
      meId: this.opts.meId,
      peerId,
      iceServers: this.iceServers,
      initiator,
      video: this.opts.kind === 'video',
      local: { stream: this.stream, audio: this.audio, video: this.screen ?? this.camera },
      send: (data) => {
        const frame = signalFrame(peerId, data);
        if (frame) this.sendFrame(frame);
      },
      onChange: (change) => {
        if (this.links.get(peerId) !== link) return;
        const before = store().peers[peerId];
        store().setPeer(peerId, {
          ...change,
          ...(change.stream ? { version: (before?.version ?? 0) + 1 } : {}),
        });
      },
    });
    this.links.set(peerId, link);
    store().setPeer(peerId, { state: link.pc.connectionState, iceState: 'new', stream: null });
    return link;
  }

  private dropPeer(userId: string): void {
    this.links.get(userId)?.close();
    this.links.delete(userId);
    store().removePeer(userId);
  }

  private sendFrame(frame: CallClientFrame): void {
    this.room?.send(frame);
  }

  // ── Local media ───────────────────────────────────────────────────────────────────────────

  private async sendVideo(track: MediaStreamTrack | null): Promise<void> {
    await Promise.all([...this.links.values()].map((l) => l.setTrack('video', track, this.stream)));
    this.publishLocal();
  }

  private setMedia(change: Partial<CallSession['media']>): void {
    this.media = { ...this.media, ...change };
    this.sendFrame({ type: 'media', ...change });
    this.publishLocal();
  }

  /** The own tile's stream and the controls' state. */
  private publishLocal(): void {
    if (this.closed) return;
    const video = this.screen ?? this.camera;
    const tracks = [this.audio, video].filter((t): t is MediaStreamTrack => t !== null);
    for (const old of this.stream.getTracks())
      if (!tracks.includes(old)) this.stream.removeTrack(old);
    for (const track of tracks)
      if (!this.stream.getTrackById(track.id)) this.stream.addTrack(track);
    // A new preview stream only when the tracks change (a new one re-binds the video element).
    const key = tracks.map((t) => t.id).join(' ');
    if (key !== this.previewKey) {
      this.previewKey = key;
      this.preview = tracks.length > 0 ? new MediaStream(tracks) : null;
    }
    store().setLocal({
      stream: this.preview,
      hasMic: this.audio !== null,
      muted: this.media.muted,
      cameraOff: this.camera === null,
      screenSharing: this.screen !== null,
      micId: store().local.micId ?? this.audio?.getSettings().deviceId ?? null,
      cameraId: store().local.cameraId ?? this.camera?.getSettings().deviceId ?? null,
    });
  }
}
