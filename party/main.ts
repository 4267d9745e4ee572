import type * as Party from 'partykit/server';

import {
  PROTOCOL_VERSION,
  clientFrameSchema,
  encodeFrame,
  publishRequestSchema,
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
import { InboxPresence } from './inbox-presence';
import {
  PRESENCE_PATH,
  presenceUserSchema,
  roomSubpath,
  type InboxConnectionState,
} from './presence';

/**
 * The inbox room: one per person (room id = user id). Every tab a person has open holds one
 * connection here and hears about all of their conversations, and the room keeps the person's
 * presence: it tells the inbox rooms of their contacts when their status changes and relays
 * those contacts' changes to its tabs. Everything it knows lives in its connections' states (plus
 * lastSeenAt in storage), so it hibernates between messages.
 *
 * HTTP (server secret): POST / publishes events to the tabs; GET / counts connections;
 * GET /presence answers the owner's status and POST /presence relays a contact's (room to room).
 */
export default class InboxServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };
  private readonly presence: InboxPresence;

  constructor(readonly room: Party.Room) {
    this.presence = new InboxPresence(room);
  }

  static async onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    return authorizeConnect(req, lobby, 'main');
  }

  static onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
    return authorizeRequest(req, lobby);
  }

  /** Non-room URLs: a liveness probe for Next.js' health route. */
  static onFetch(req: Party.Request) {
    if (new URL(req.url).pathname === '/health')
      return jsonResponse({ status: 'ok', v: PROTOCOL_VERSION });
    return jsonResponse({ error: { code: 'not_found', message: 'no such endpoint' } }, 404);
  }

  async onConnect(
    connection: Party.Connection<InboxConnectionState>,
    ctx: Party.ConnectionContext,
  ) {
    const identity = connectIdentity(ctx);
    if (!identity) {
      // Unreachable when onBeforeConnect ran; refuse rather than guess an identity.
      connection.close(1008, 'unauthorized');
      return;
    }
    connection.setState({ ...identity, state: 'active' });
    send(connection, { type: 'welcome', v: PROTOCOL_VERSION, userId: identity.userId });
    await Promise.all([
      this.presence.reconcile(),
      this.presence.sendSnapshot(connection, identity.contacts),
    ]);
  }

  async onMessage(
    message: string | ArrayBuffer | ArrayBufferView,
    sender: Party.Connection<InboxConnectionState>,
  ) {
    const frame = readFrame(clientFrameSchema, message, sender);
    if (!frame) return;
    switch (frame.type) {
      case 'ping':
        send(sender, { type: 'pong', at: frame.at });
        return;
      case 'presence.set': {
        const current = sender.state;
        if (!current || current.state === frame.state) return;
        sender.setState({ ...current, contacts: [...current.contacts], state: frame.state });
        await this.presence.reconcile();
        return;
      }
      case 'typing':
        send(sender, {
          type: 'error',
          code: 'unsupported',
          message: 'typing belongs to a conversation room',
        });
        return;
    }
  }

  async onClose(connection: Party.Connection) {
    finishClose(connection);
    await this.presence.reconcile(connection);
  }

  async onError(connection: Party.Connection) {
    await this.presence.reconcile(connection);
  }

  async onRequest(req: Party.Request) {
    const denied = requireServerSecret(req, this.room);
    if (denied) return denied;
    const path = roomSubpath(req.url, this.room.name, this.room.id);
    if (path === PRESENCE_PATH) return this.onPresenceRequest(req);
    if (path !== '') return errorResponse(404, 'not_found', 'no such endpoint');
    if (req.method === 'GET') {
      return jsonResponse({ connections: [...this.room.getConnections()].length });
    }
    if (req.method !== 'POST') return errorResponse(405, 'method_not_allowed', 'use GET or POST');
    const body = await readBody(req, publishRequestSchema);
    if (!body.ok) return body.response;
    for (const event of body.data.events)
      this.room.broadcast(encodeFrame({ type: 'event', event }));
    return jsonResponse({ delivered: body.data.events.length });
  }

  private async onPresenceRequest(req: Party.Request) {
    if (req.method === 'GET') return jsonResponse(await this.presence.current());
    if (req.method !== 'POST') return errorResponse(405, 'method_not_allowed', 'use GET or POST');
    const body = await readBody(req, presenceUserSchema);
    if (!body.ok) return body.response;
    return jsonResponse({ delivered: this.presence.deliver(body.data) });
  }
}

InboxServer satisfies Party.Worker;
