import type * as Party from 'partykit/server';
import { z } from 'zod';

import {
  PROTOCOL_VERSION,
  clientFrameSchema,
  encodeFrame,
  publishRequestSchema,
  roomIdSchema,
} from '../lib/realtime/protocol';
import {
  authorizeConnect,
  authorizeRequest,
  connectIdentity,
  errorResponse,
  jsonResponse,
  readBody,
  requireServerSecret,
} from './auth';
import { finishClose, readFrame, send } from './frames';
import { roomSubpath } from './presence';
import { callRoom, fanOut } from './room-calls';

/** A connection may send one typing frame per this long (plus the `stop` that ends a `start`). */
export const TYPING_MIN_INTERVAL_MS = 500;

const connectionStateSchema = z.object({
  userId: z.string(),
  /** When this connection's last typing frame was accepted, and what it said. */
  typingAt: z.number(),
  typing: z.enum(['start', 'stop']),
  /** Whether it was already told `rate_limited` since its last accepted typing frame. */
  limited: z.boolean(),
});
type ConnectionState = z.infer<typeof connectionStateSchema>;

/** Publish bodies for this room must name recipients by user id (their inbox room ids). */
const conversationPublishSchema = publishRequestSchema.extend({
  recipients: z.array(roomIdSchema).max(1000).optional(),
});

/**
 * The conversation room: one per conversation (room id = conversation id), joined by the members
 * who have it open. It relays typing between them and tells Next.js who is looking (viewers);
 * events Next.js publishes here are forwarded to the recipients' inbox rooms, which is where
 * every tab hears them. It keeps nothing but its connections, so it hibernates.
 *
 * HTTP (server secret): POST / `{events, recipients}` → `{delivered}` (inbox rooms reached);
 * GET / → `{viewers}` (distinct user ids connected).
 */
export default class ConversationServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };

  constructor(readonly room: Party.Room) {}

  static async onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    return authorizeConnect(req, lobby, 'conversation');
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
    connection.setState({ userId: identity.userId, typingAt: 0, typing: 'stop', limited: false });
    send(connection, { type: 'welcome', v: PROTOCOL_VERSION, userId: identity.userId });
  }

  onMessage(
    message: string | ArrayBuffer | ArrayBufferView,
    sender: Party.Connection<ConnectionState>,
  ) {
    const frame = readFrame(clientFrameSchema, message, sender);
    if (!frame) return;
    switch (frame.type) {
      case 'ping':
        send(sender, { type: 'pong', at: frame.at });
        return;
      case 'presence.set':
        send(sender, {
          type: 'error',
          code: 'unsupported',
          message: 'presence belongs to the inbox room',
        });
        return;
      case 'typing':
        this.relayTyping(sender, frame.state);
        return;
    }
  }

  private relayTyping(sender: Party.Connection<ConnectionState>, typing: 'start' | 'stop') {
    const state = connectionStateSchema.safeParse(sender.state);
    if (!state.success) return;
    const now = Date.now();
    // A `stop` right after a `start` always passes, so a quick send never leaves "typing…" up.
    const endsTyping = typing === 'stop' && state.data.typing === 'start';
    if (now - state.data.typingAt < TYPING_MIN_INTERVAL_MS && !endsTyping) {
      if (!state.data.limited) {
        sender.setState({ ...state.data, limited: true });
        send(sender, {
          type: 'error',
          code: 'rate_limited',
          message: 'typing frames come too fast',
        });
      }
      return;
    }
    sender.setState({ ...state.data, typingAt: now, typing, limited: false });
    const frame = encodeFrame({ type: 'typing', userId: state.data.userId, state: typing });
    // Everyone else in the room; none of the sender's own tabs.
    for (const connection of this.room.getConnections()) {
      const other = connectionStateSchema.safeParse(connection.state);
      if (other.success && other.data.userId !== state.data.userId) send(connection, frame);
    }
  }

  onClose(connection: Party.Connection) {
    finishClose(connection);
  }

  async onRequest(req: Party.Request) {
    const denied = requireServerSecret(req, this.room);
    if (denied) return denied;
    if (roomSubpath(req.url, this.room.name, this.room.id) !== '')
      return errorResponse(404, 'not_found', 'no such endpoint');
    if (req.method === 'GET') return jsonResponse({ viewers: this.viewers() });
    if (req.method !== 'POST') return errorResponse(405, 'method_not_allowed', 'use GET or POST');
    const body = await readBody(req, conversationPublishSchema);
    if (!body.ok) return body.response;
    const recipients = [...new Set(body.data.recipients ?? [])];
    const events = body.data.events;
    const answers = await fanOut(recipients, (userId) =>
      callRoom(this.room, { party: 'main', roomId: userId }, { method: 'POST', body: { events } }),
    );
    return jsonResponse({ delivered: answers.filter((res) => res !== null).length });
  }

  private viewers(): string[] {
    const users = new Set<string>();
    for (const connection of this.room.getConnections()) {
      const state = connectionStateSchema.safeParse(connection.state);
      if (state.success) users.add(state.data.userId);
    }
    return [...users];
  }
}

ConversationServer satisfies Party.Worker;
