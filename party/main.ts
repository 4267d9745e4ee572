import type * as Party from 'partykit/server';

import {
  PROTOCOL_VERSION,
  clientFrameSchema,
  encodeFrame,
  parseFrame,
  publishRequestSchema,
  type ServerFrame,
} from '../lib/realtime/protocol';
import { USER_HEADER, authorizeConnect, authorizeRequest, jsonResponse } from './auth';

type ConnectionState = { userId: string };

/**
 * The inbox room: one per person (room id = user id). Every tab a person has open holds one
 * connection here and hears about all of their conversations. The room keeps no state beyond
 * its connections, so it hibernates between messages.
 */
export default class InboxServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };

  constructor(readonly room: Party.Room) {}

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

  onConnect(connection: Party.Connection<ConnectionState>, ctx: Party.ConnectionContext) {
    const userId = ctx.request.headers.get(USER_HEADER);
    if (!userId) {
      // Unreachable when onBeforeConnect ran; refuse rather than guess an identity.
      connection.close(1008, 'unauthorized');
      return;
    }
    connection.setState({ userId });
    send(connection, { type: 'welcome', v: PROTOCOL_VERSION, userId });
  }

  onMessage(
    message: string | ArrayBuffer | ArrayBufferView,
    sender: Party.Connection<ConnectionState>,
  ) {
    const parsed = parseFrame(clientFrameSchema, message);
    if (!parsed.ok) {
      send(sender, { type: 'error', code: 'bad_frame', message: parsed.message });
      return;
    }
    switch (parsed.frame.type) {
      case 'ping':
        send(sender, { type: 'pong', at: parsed.frame.at });
        return;
    }
  }

  async onRequest(req: Party.Request) {
    if (req.method === 'GET') {
      return jsonResponse({ connections: [...this.room.getConnections()].length });
    }
    if (req.method !== 'POST')
      return jsonResponse({ error: { code: 'method_not_allowed', message: 'use POST' } }, 405);
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return jsonResponse({ error: { code: 'bad_request', message: 'body is not JSON' } }, 400);
    }
    const parsed = publishRequestSchema.safeParse(body);
    if (!parsed.success) {
      return jsonResponse(
        {
          error: {
            code: 'validation_failed',
            message: parsed.error.issues[0]?.message ?? 'invalid',
          },
        },
        422,
      );
    }
    for (const event of parsed.data.events)
      this.room.broadcast(encodeFrame({ type: 'event', event }));
    return jsonResponse({ delivered: parsed.data.events.length });
  }
}

function send(connection: Party.Connection, frame: ServerFrame) {
  connection.send(encodeFrame(frame));
}

InboxServer satisfies Party.Worker;
