import type * as Party from 'partykit/server';

import type { PartyName } from '../lib/realtime/protocol';
import { INVALID_JSON, type RoomHost, type RoomProgram } from '../lib/rooms/host';
import { hasServerSecret } from '../lib/rooms/http';
import {
  authorizeConnect,
  authorizeRequest,
  connectIdentity,
  envString,
  jsonResponse,
} from './auth';
import { identify, partyHost, roomConnection } from './host';
import { reportRoomError, type RoomErrorTags } from './sentry';

/**
 * Asks a room to fail on purpose (POST, server secret only): the operations page's "Send test
 * error" uses it so an operator sees that room errors reach Sentry.
 */
export const TEST_ERROR_PATH = '/test-error';

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

    /** Runs a handler; an error is reported to Sentry (when configured) and thrown on. */
    async reported<T>(handler: string, fn: () => Promise<T>, extra: Partial<RoomErrorTags> = {}) {
      try {
        return await fn();
      } catch (error) {
        const tags: RoomErrorTags = { party, handler, ...extra };
        if (handler !== 'onAlarm') tags.room = this.room.id;
        await reportRoomError(this.room.env, error, tags);
        throw error;
      }
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
      await this.reported('onConnect', async () => this.program.onConnect(wrapped, identity));
    }

    async onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
      const wrapped = roomConnection(sender);
      if (wrapped)
        await this.reported('onMessage', async () => this.program.onMessage(wrapped, message));
    }

    async onClose(connection: Party.Connection) {
      finishClose(connection);
      const wrapped = roomConnection(connection);
      if (wrapped) await this.reported('onClose', async () => this.program.onClose(wrapped));
    }

    async onError(connection: Party.Connection) {
      const wrapped = roomConnection(connection);
      if (wrapped) await this.program.onClose(wrapped);
    }

    async onRequest(req: Party.Request) {
      const path = roomSubpath(req.url, this.room.name, this.room.id);
      const traceparent = req.headers.get('traceparent');
      const traceId = traceparent?.split('-')[1];
      try {
        return await this.reported(
          'onRequest',
          async () => {
            // Only Next.js, with the server secret (room-to-room calls skip onBeforeRequest).
            const secret = envString(this.room.env, 'PARTY_SECRET');
            if (
              path === TEST_ERROR_PATH &&
              req.method === 'POST' &&
              hasServerSecret(req.headers.get('authorization'), secret)
            )
              throw new Error('Parley test error from a room (Send test error, operations page)');
            const answer = await this.program.onRequest({
              method: req.method,
              path,
              authorization: req.headers.get('authorization'),
              body: await readJson(req),
              traceparent,
            });
            return jsonResponse(answer.body, answer.status);
          },
          traceId ? { trace_id: traceId } : {},
        );
      } catch {
        // Reported above; the caller gets the API's error shape rather than workerd's page.
        return jsonResponse({ error: { code: 'internal', message: 'The room failed.' } }, 500);
      }
    }

    async onAlarm() {
      await this.reported('onAlarm', async () => this.program.onAlarm?.());
    }
  };
}
