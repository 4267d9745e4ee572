import type * as Party from 'partykit/server';

import { PROTOCOL_VERSION } from '../lib/realtime/protocol';
import { mainRoom } from '../lib/rooms/main';
import { jsonResponse } from './auth';
import { partyServer } from './server';

/** The inbox rooms (one per person, with presence) and the sockets room: lib/rooms/main.ts. */
export default class InboxServer extends partyServer('main', mainRoom) {
  /** Non-room URLs: a liveness probe for Next.js' health route. */
  static onFetch(req: Party.Request) {
    if (new URL(req.url).pathname === '/health')
      return jsonResponse({ status: 'ok', v: PROTOCOL_VERSION });
    return jsonResponse({ error: { code: 'not_found', message: 'no such endpoint' } }, 404);
  }
}

InboxServer satisfies Party.Worker;
