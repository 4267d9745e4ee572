import type * as Party from 'partykit/server';

import type { PartyName } from '../lib/realtime/protocol';
import { INVALID_JSON, type RoomHost, type RoomProgram } from '../lib/rooms/host';
import { authorizeConnect, authorizeRequest, connectIdentity, jsonResponse } from './auth';
import { identify, partyHost, roomConnection } from './host';

/** The part of a room URL after `/parties/<party>/<room>`: '' for the room itself. */
export function roomSubpath(url: string, party: string, roomId: string): string {
  const pathname = new URL(url).pathname.replace(/\/$/, '');
  const prefix = `/parties/${party}/${roomId}`;
  if (pathname === prefix) return '';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

async function readJson(req: Party.Request): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const text = await req.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

/**
 * Completes the close handshake from onClose. Under hibernation (compatibility date before
 * auto-replies to close frames) workerd does not answer a client's close frame by itself, so the
 * client would wait for its own close timeout. Closing an already closed socket is harmless.
 */
function finishClose(connection: Party.Connection): void {
  try {
    connection.close();
  } catch {
    // already closed
  }
}

/**
 * A PartyKit party running one room program: tokens and the server secret are checked at
 * PartyKit's edge (onBeforeConnect, onBeforeRequest), then every event is handed to the program
 * through the host adapter. Everything the program keeps is in connection state and storage, so
 * the party hibernates.
 */
export function partyServer(party: PartyName, create: (host: RoomHost) => RoomProgram) {
  return class PartyServer implements Party.Server {
    readonly options: Party.ServerOptions = { hibernate: true };
    readonly program: RoomProgram;

    constructor(readonly room: Party.Room) {
      this.program = create(partyHost(room));
    }

    static async onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
      return authorizeConnect(req, lobby, party);
    }

    static onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
      return authorizeRequest(req, lobby);
    }

    async onConnect(connection: Party.Connection, ctx: Party.ConnectionContext) {
      const identity = connectIdentity(ctx);
      const wrapped = identity && identify(connection, identity.userId);
      if (!identity || !wrapped) {
        // Unreachable when onBeforeConnect ran; refuse rather than guess an identity.
        connection.close(1008, 'unauthorized');
        return;
      }
      await this.program.onConnect(wrapped, identity);
    }

    async onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
      const wrapped = roomConnection(sender);
      if (wrapped) await this.program.onMessage(wrapped, message);
    }

    async onClose(connection: Party.Connection) {
      finishClose(connection);
      const wrapped = roomConnection(connection);
      if (wrapped) await this.program.onClose(wrapped);
    }

    async onError(connection: Party.Connection) {
      const wrapped = roomConnection(connection);
      if (wrapped) await this.program.onClose(wrapped);
    }

    async onRequest(req: Party.Request) {
      const answer = await this.program.onRequest({
        method: req.method,
        path: roomSubpath(req.url, this.room.name, this.room.id),
        authorization: req.headers.get('authorization'),
        body: await readJson(req),
        traceparent: req.headers.get('traceparent'),
      });
      return jsonResponse(answer.body, answer.status);
    }

    async onAlarm() {
      await this.program.onAlarm?.();
    }
  };
}
