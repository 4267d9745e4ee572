import type * as Party from 'partykit/server';

import { PROTOCOL_VERSION } from '../lib/realtime/protocol';
import { inboxRoom } from '../lib/rooms/inbox';
import { jsonResponse } from './auth';
import { partyServer } from './server';

/** The inbox room (one per person) and presence: lib/rooms/inbox.ts on PartyKit. */
export default class InboxServer extends partyServer('main', inboxRoom) {
  /** Non-room URLs: a liveness probe for Next.js' health route. */
  static onFetch(req: Party.Request) {
    if (new URL(req.url).pathname === '/health')
      return jsonResponse({ status: 'ok', v: PROTOCOL_VERSION });
    return jsonResponse({ error: { code: 'not_found', message: 'no such endpoint' } }, 404);
  }
}

InboxServer satisfies Party.Worker;
