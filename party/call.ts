import type * as Party from 'partykit/server';

import { callRoom } from '../lib/rooms/call';
import { partyServer } from './server';

/** One room per call (WebRTC signalling, who is in): lib/rooms/call.ts on PartyKit. */
export default class CallServer extends partyServer('call', callRoom) {}

CallServer satisfies Party.Worker;
