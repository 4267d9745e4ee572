import type { RoomHost, RoomProgram } from './host';
import { inboxRoom } from './inbox';
import { SOCKETS_ROOM, socketsRoom } from './sockets';

/** The `main` party: one inbox room per person, and the one sockets room (lib/rooms/sockets.ts). */
export function mainRoom(host: RoomHost): RoomProgram {
  return host.id === SOCKETS_ROOM ? socketsRoom(host) : inboxRoom(host);
}
