import { z } from 'zod';

import {
  MEDIA_RULE,
  SIGNAL_RULE,
  bucketSchema,
  fullBucket,
  takeToken,
  type BucketRule,
} from '../calls/token-bucket';
import {
  CALL_CLOSE_CODES,
  MAX_CALL_PARTICIPANTS,
  PROTOCOL_VERSION,
  callClientFrameSchema,
  encodeFrame,
  mediaStateSchema,
  publishRequestSchema,
  type CallClientFrame,
  type MediaState,
} from '../realtime/protocol';

import { readFrame, stateOf } from './frames';
import type { ConnectIdentity, RoomConnection, RoomHost, RoomProgram } from './host';
import { fail, ok, readBody, requireSecret } from './http';

const connectionStateSchema = z.object({
  media: mediaStateSchema,
  signal: bucketSchema,
  mediaBucket: bucketSchema,
  /** When it was last told `rate_limited` (at most once per RATE_LIMIT_NOTICE_MS). */
  warnedAt: z.number(),
});
type ConnectionState = z.infer<typeof connectionStateSchema>;
type Peer = { connection: RoomConnection; state: ConnectionState };

const QUIET: MediaState = { muted: false, cameraOff: false, screenSharing: false, speaking: false };
const LAST_LEFT_KEY = 'lastLeftAt';
/** Set once the call ended (epoch ms): from then on nobody joins, whatever their token says. */
const ENDED_KEY = 'endedAt';
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
 * The end of the call reaches it as a `call.ended` publish (forwarded by the conversation room):
 * it stores the end, closes every socket with `call_ended`, and refuses anyone who comes later
 * (#17 finding 10: a call token used to open an ended call's room).
 *
 * Requests (server secret): GET '' → `{participants, lastLeftAt}` for Next.js
 * (lib/calls/server/room.ts); POST '' `{events}` takes `call.ended` for this call.
 */
export function callRoom(host: RoomHost): RoomProgram {
  /** Connections that joined (state set), closing or replaced ones aside. */
  const peers = (): Peer[] => {
    const all: Peer[] = [];
    for (const connection of host.connections()) {
      const state = stateOf(connectionStateSchema, connection);
      if (state) all.push({ connection, state });
    }
    return all;
  };

  const endedMessage = (connection: RoomConnection) => {
    connection.setState(null);
    connection.send({ type: 'error', code: 'call_ended', message: 'This call has ended.' });
    connection.close(CALL_CLOSE_CODES.ended, 'call_ended');
  };

  /** Takes a token from one of the connection's buckets; drops the frame when it is empty. */
  const allow = (
    sender: RoomConnection,
    state: ConnectionState,
    bucket: 'signal' | 'mediaBucket',
    rule: BucketRule,
  ): ConnectionState | null => {
    const now = host.now();
    const taken = takeToken(state[bucket], rule, now);
    if (taken.ok) return { ...state, [bucket]: taken.bucket };
    const warn = now - state.warnedAt >= RATE_LIMIT_NOTICE_MS;
    sender.setState({ ...state, [bucket]: taken.bucket, warnedAt: warn ? now : state.warnedAt });
    if (warn) {
      const what = bucket === 'signal' ? 'signalling' : 'media';
      sender.send({ type: 'error', code: 'rate_limited', message: `${what} frames come too fast` });
    }
    return null;
  };

  const relaySignal = (
    sender: RoomConnection,
    state: ConnectionState,
    frame: Extract<CallClientFrame, { type: 'signal' }>,
  ) => {
    if (frame.to === sender.userId) {
      sender.send({ type: 'error', code: 'bad_frame', message: 'a signal goes to someone else' });
      return;
    }
    const next = allow(sender, state, 'signal', SIGNAL_RULE);
    if (!next) return;
    sender.setState(next);
    const targets = peers().filter((p) => p.connection.userId === frame.to);
    if (targets.length === 0) {
      sender.send({
        type: 'error',
        code: 'peer_unavailable',
        message: `${frame.to} is not in this call`,
      });
      return;
    }
    // `from` is who the room knows the sender to be; nothing the client wrote.
    const relayed = encodeFrame({ type: 'signal', from: sender.userId, data: frame.data });
    for (const target of targets) target.connection.send(relayed);
  };

  const updateMedia = (
    sender: RoomConnection,
    state: ConnectionState,
    frame: Extract<CallClientFrame, { type: 'media' }>,
  ) => {
    const next = allow(sender, state, 'mediaBucket', MEDIA_RULE);
    if (!next) return;
    const { type: _type, ...changes } = frame;
    const media = mediaStateSchema.parse({ ...state.media, ...changes });
    sender.setState({ ...next, media });
    const unchanged = (Object.keys(media) as (keyof MediaState)[]).every(
      (key) => media[key] === state.media[key],
    );
    if (unchanged) return;
    const update = encodeFrame({ type: 'call.media', userId: sender.userId, media });
    for (const peer of peers()) if (peer.connection !== sender) peer.connection.send(update);
  };

  return {
    async onConnect(connection: RoomConnection, { userId }: ConnectIdentity) {
      if (typeof (await host.storage.get(ENDED_KEY)) === 'number') return endedMessage(connection);
      const others = peers().filter((p) => p.connection !== connection);
      const present = others.filter((p) => p.connection.userId !== userId);
      if (new Set(present.map((p) => p.connection.userId)).size >= MAX_CALL_PARTICIPANTS) {
        connection.send({
          type: 'error',
          code: 'call_full',
          message: `Calls hold up to ${MAX_CALL_PARTICIPANTS} people, and this one is full.`,
        });
        connection.close(CALL_CLOSE_CODES.full, 'call_full');
        return;
      }
      const now = host.now();
      const state: ConnectionState = {
        media: QUIET,
        signal: fullBucket(SIGNAL_RULE, now),
        mediaBucket: fullBucket(MEDIA_RULE, now),
        warnedAt: 0,
      };
      connection.setState(state);
      // One connection per person, so signals for them reach exactly one peer connection.
      for (const old of others.filter((p) => p.connection.userId === userId)) {
        old.connection.send({
          type: 'error',
          code: 'replaced',
          message: 'You joined this call from another tab or device.',
        });
        old.connection.setState(null);
        old.connection.close(CALL_CLOSE_CODES.replaced, 'replaced');
      }
      connection.send({ type: 'welcome', v: PROTOCOL_VERSION, userId });
      connection.send({
        type: 'call.state',
        callId: host.id,
        participants: present.map((p) => ({ userId: p.connection.userId, media: p.state.media })),
      });
      const joined = encodeFrame({ type: 'call.joined', userId, media: QUIET });
      for (const peer of present) peer.connection.send(joined);
    },

    onMessage(sender, data) {
      const state = stateOf(connectionStateSchema, sender);
      if (!state) return; // replaced, refused or ended: it is being closed
      const frame = readFrame(callClientFrameSchema, data, sender);
      if (!frame) return;
      switch (frame.type) {
        case 'ping':
          sender.send({ type: 'pong', at: frame.at });
          return;
        case 'signal':
          relaySignal(sender, state, frame);
          return;
        case 'media':
          updateMedia(sender, state, frame);
          return;
      }
    },

    /** A connection went: if it was the person's last, the others hear they left. */
    async onClose(connection) {
      if (!stateOf(connectionStateSchema, connection)) return; // replaced: leaves without a word
      const rest = peers().filter((p) => p.connection !== connection);
      if (rest.some((p) => p.connection.userId === connection.userId)) return;
      const frame = encodeFrame({ type: 'call.left', userId: connection.userId });
      for (const peer of rest) peer.connection.send(frame);
      await host.storage.put(LAST_LEFT_KEY, host.now());
    },

    async onRequest(request) {
      const denied = requireSecret(request, host.partySecret);
      if (denied) return denied;
      if (request.path !== '') return fail(404, 'not_found', 'no such endpoint');
      if (request.method === 'POST') {
        const body = readBody(request, publishRequestSchema);
        if (!body.ok) return body.response;
        const ended = body.data.events.some((e) => e.type === 'call.ended' && e.callId === host.id);
        if (ended) {
          await host.storage.put(ENDED_KEY, host.now());
          for (const peer of peers()) endedMessage(peer.connection);
        }
        return ok({ ended });
      }
      if (request.method !== 'GET') return fail(405, 'method_not_allowed', 'use GET or POST');
      const lastLeftAt = await host.storage.get(LAST_LEFT_KEY);
      return ok({
        participants: [...new Set(peers().map((p) => p.connection.userId))],
        lastLeftAt: typeof lastLeftAt === 'number' ? lastLeftAt : null,
      });
    },
  };
}
