import type * as Party from 'partykit/server';
import { z } from 'zod';

import {
  MEDIA_RULE,
  SIGNAL_RULE,
  bucketSchema,
  fullBucket,
  takeToken,
  type BucketRule,
} from '../lib/calls/token-bucket';
import {
  CALL_CLOSE_CODES,
  MAX_CALL_PARTICIPANTS,
  PROTOCOL_VERSION,
  callClientFrameSchema,
  encodeFrame,
  mediaStateSchema,
  type CallClientFrame,
  type MediaState,
} from '../lib/realtime/protocol';
import {
  authorizeConnect,
  authorizeRequest,
  connectIdentity,
  errorResponse,
  jsonResponse,
  requireServerSecret,
} from './auth';
import { finishClose, readFrame, send } from './frames';
import { roomSubpath } from './presence';

const connectionStateSchema = z.object({
  userId: z.string(),
  media: mediaStateSchema,
  signal: bucketSchema,
  mediaBucket: bucketSchema,
  /** When it was last told `rate_limited` (at most once per RATE_LIMIT_NOTICE_MS). */
  warnedAt: z.number(),
});
type ConnectionState = z.infer<typeof connectionStateSchema>;
type Peer = { connection: Party.Connection; state: ConnectionState };

const QUIET: MediaState = { muted: false, cameraOff: false, screenSharing: false, speaking: false };
const LAST_LEFT_KEY = 'lastLeftAt';
/** A flooding connection hears `rate_limited` at most this often, not once per dropped frame. */
const RATE_LIMIT_NOTICE_MS = 1000;

/**
 * The call room: one per call (room id = call id), joined with a room token that Next.js mints
 * only for members of the call's conversation while the call is live. It holds who is in the
 * call (connection state only, so it hibernates), lets in at most MAX_CALL_PARTICIPANTS people
 * (one connection each: joining again from another tab replaces the older connection), relays
 * WebRTC signalling to the one peer named in `to` (with `from` set here), and broadcasts
 * joins, leaves and media state. Every frame is parsed; a bad one gets an error frame.
 *
 * HTTP (server secret): GET / → `{participants, lastLeftAt}` for Next.js (lib/calls/room.ts).
 */
export default class CallServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };

  constructor(readonly room: Party.Room) {}

  static async onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    return authorizeConnect(req, lobby, 'call');
  }

  static onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
    return authorizeRequest(req, lobby);
  }

  onConnect(connection: Party.Connection<ConnectionState>, ctx: Party.ConnectionContext) {
    const identity = connectIdentity(ctx);
    if (!identity) {
      connection.close(1008, 'unauthorized');
      return;
    }
    const { userId } = identity;
    const others = this.peers().filter((p) => p.connection.id !== connection.id);
    const present = others.filter((p) => p.state.userId !== userId);
    if (new Set(present.map((p) => p.state.userId)).size >= MAX_CALL_PARTICIPANTS) {
      send(connection, {
        type: 'error',
        code: 'call_full',
        message: `Calls hold up to ${MAX_CALL_PARTICIPANTS} people, and this one is full.`,
      });
      connection.close(CALL_CLOSE_CODES.full, 'call_full');
      return;
    }
    const now = Date.now();
    connection.setState({
      userId,
      media: QUIET,
      signal: fullBucket(SIGNAL_RULE, now),
      mediaBucket: fullBucket(MEDIA_RULE, now),
      warnedAt: 0,
    });
    // One connection per person, so signals for them reach exactly one peer connection.
    for (const old of others.filter((p) => p.state.userId === userId)) {
      send(old.connection, {
        type: 'error',
        code: 'replaced',
        message: 'You joined this call from another tab or device.',
      });
      old.connection.setState(null);
      old.connection.close(CALL_CLOSE_CODES.replaced, 'replaced');
    }
    send(connection, { type: 'welcome', v: PROTOCOL_VERSION, userId });
    send(connection, {
      type: 'call.state',
      callId: this.room.id,
      participants: present.map((p) => ({ userId: p.state.userId, media: p.state.media })),
    });
    const joined = encodeFrame({ type: 'call.joined', userId, media: QUIET });
    for (const peer of present) send(peer.connection, joined);
  }

  onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    const state = connectionStateSchema.safeParse(sender.state);
    if (!state.success) return; // replaced or refused: it is being closed
    const frame = readFrame(callClientFrameSchema, message, sender);
    if (!frame) return;
    switch (frame.type) {
      case 'ping':
        send(sender, { type: 'pong', at: frame.at });
        return;
      case 'signal':
        this.relaySignal(sender, state.data, frame);
        return;
      case 'media':
        this.updateMedia(sender, state.data, frame);
        return;
    }
  }

  /** Takes a token from one of the connection's buckets; drops the frame when it is empty. */
  private allow(
    sender: Party.Connection,
    state: ConnectionState,
    bucket: 'signal' | 'mediaBucket',
    rule: BucketRule,
  ): ConnectionState | null {
    const now = Date.now();
    const taken = takeToken(state[bucket], rule, now);
    if (taken.ok) return { ...state, [bucket]: taken.bucket };
    const warn = now - state.warnedAt >= RATE_LIMIT_NOTICE_MS;
    sender.setState({ ...state, [bucket]: taken.bucket, warnedAt: warn ? now : state.warnedAt });
    if (warn) {
      const what = bucket === 'signal' ? 'signalling' : 'media';
      send(sender, {
        type: 'error',
        code: 'rate_limited',
        message: `${what} frames come too fast`,
      });
    }
    return null;
  }

  private relaySignal(
    sender: Party.Connection,
    state: ConnectionState,
    frame: Extract<CallClientFrame, { type: 'signal' }>,
  ) {
    if (frame.to === state.userId) {
      send(sender, { type: 'error', code: 'bad_frame', message: 'a signal goes to someone else' });
      return;
    }
    const next = this.allow(sender, state, 'signal', SIGNAL_RULE);
    if (!next) return;
    sender.setState(next);
    const targets = this.peers().filter((p) => p.state.userId === frame.to);
    if (targets.length === 0) {
      send(sender, {
        type: 'error',
        code: 'peer_unavailable',
        message: `${frame.to} is not in this call`,
      });
      return;
    }
    // `from` is who the room knows the sender to be; nothing the client wrote.
    const relayed = encodeFrame({ type: 'signal', from: state.userId, data: frame.data });
    for (const target of targets) send(target.connection, relayed);
  }

  private updateMedia(
    sender: Party.Connection,
    state: ConnectionState,
    frame: Extract<CallClientFrame, { type: 'media' }>,
  ) {
    const next = this.allow(sender, state, 'mediaBucket', MEDIA_RULE);
    if (!next) return;
    const { type: _type, ...changes } = frame;
    const media = mediaStateSchema.parse({ ...state.media, ...changes });
    sender.setState({ ...next, media });
    const unchanged = (Object.keys(media) as (keyof MediaState)[]).every(
      (key) => media[key] === state.media[key],
    );
    if (unchanged) return;
    const update = encodeFrame({ type: 'call.media', userId: state.userId, media });
    for (const peer of this.peers())
      if (peer.connection.id !== sender.id) send(peer.connection, update);
  }

  async onClose(connection: Party.Connection) {
    finishClose(connection);
    await this.left(connection);
  }

  async onError(connection: Party.Connection) {
    await this.left(connection);
  }

  /** A connection went: if it was the person's last, the others hear they left. */
  private async left(connection: Party.Connection) {
    const state = connectionStateSchema.safeParse(connection.state);
    if (!state.success) return; // replaced connections leave without a word
    const { userId } = state.data;
    const rest = this.peers().filter((p) => p.connection.id !== connection.id);
    if (rest.some((p) => p.state.userId === userId)) return;
    const frame = encodeFrame({ type: 'call.left', userId });
    for (const peer of rest) send(peer.connection, frame);
    await this.room.storage.put(LAST_LEFT_KEY, Date.now());
  }

  async onRequest(req: Party.Request) {
    const denied = requireServerSecret(req, this.room);
    if (denied) return denied;
    if (roomSubpath(req.url, this.room.name, this.room.id) !== '')
      return errorResponse(404, 'not_found', 'no such endpoint');
    if (req.method !== 'GET') return errorResponse(405, 'method_not_allowed', 'use GET');
    const lastLeftAt = await this.room.storage.get<unknown>(LAST_LEFT_KEY);
    return jsonResponse({
      participants: [...new Set(this.peers().map((p) => p.state.userId))],
      lastLeftAt: typeof lastLeftAt === 'number' ? lastLeftAt : null,
    });
  }

  /** Connections that joined (state set), closing or replaced ones aside. */
  private peers(): Peer[] {
    const peers: Peer[] = [];
    for (const connection of this.room.getConnections()) {
      const state = connectionStateSchema.safeParse(connection.state);
      if (state.success) peers.push({ connection, state: state.data });
    }
    return peers;
  }
}

CallServer satisfies Party.Worker;
