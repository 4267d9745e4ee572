import { z } from 'zod';

import { roomIdSchema } from '../realtime/protocol';

import type { RoomHost, RoomProgram } from './host';
import { fail, ok, readBody, requireSecret } from './http';

/**
 * The sockets room: how many sockets are connected to inbox rooms (one per open tab), for the
 * operations page and `parley_realtime_connected_sockets`. Each inbox room reports its own count
 * here when a tab connects or leaves (lib/rooms/inbox.ts); nothing else can see across rooms, and
 * a report per tab opened or closed is the cheapest way to know (#19 counts PartyKit requests).
 * It lives in the `main` party under an id no person can have (user ids are `u_…`), so no token
 * can open a socket to it.
 *
 * Requests (server secret): POST '' `{room, sockets}` (an inbox room's count now); GET '' →
 * `{sockets, rooms}` (the total, and how many inbox rooms have a socket).
 */
export const SOCKETS_ROOM = '_sockets';

export const socketsReportSchema = z.object({
  room: roomIdSchema,
  sockets: z.number().int().nonnegative().max(100_000),
});
export const socketsTotalSchema = z.object({
  sockets: z.number().int().nonnegative(),
  rooms: z.number().int().nonnegative(),
});
export type SocketsTotal = z.infer<typeof socketsTotalSchema>;

/** Per-room counts are kept one key each (a record of every room would outgrow a value). */
const TOTAL_KEY = 'total';
const roomKey = (room: string) => `room:${room}`;

export function socketsRoom(host: RoomHost): RoomProgram {
  const total = async (): Promise<SocketsTotal> => {
    const parsed = socketsTotalSchema.safeParse(await host.storage.get(TOTAL_KEY));
    return parsed.success ? parsed.data : { sockets: 0, rooms: 0 };
  };

  /** Storage calls keep other events out (the input gate): read, compare, write never interleave. */
  const report = async (room: string, sockets: number): Promise<SocketsTotal> => {
    const before = z
      .number()
      .int()
      .nonnegative()
      .catch(0)
      .parse(await host.storage.get(roomKey(room)));
    const now = await total();
    const next = {
      sockets: Math.max(0, now.sockets - before + sockets),
      rooms: Math.max(0, now.rooms - (before > 0 ? 1 : 0) + (sockets > 0 ? 1 : 0)),
    };
    if (sockets > 0) await host.storage.put(roomKey(room), sockets);
    else await host.storage.delete(roomKey(room));
    await host.storage.put(TOTAL_KEY, next);
    return next;
  };

  return {
    onConnect(connection) {
      // Unreachable through PartyKit (no token names this id); refuse whatever gets here.
      connection.close(1008, 'not a room for sockets');
    },
    onMessage() {},
    onClose() {},
    async onRequest(request) {
      const denied = requireSecret(request, host.partySecret);
      if (denied) return denied;
      if (request.path !== '') return fail(404, 'not_found', 'no such endpoint');
      if (request.method === 'GET') return ok(await total());
      if (request.method !== 'POST') return fail(405, 'method_not_allowed', 'use GET or POST');
      const body = readBody(request, socketsReportSchema);
      if (!body.ok) return body.response;
      return ok(await report(body.data.room, body.data.sockets));
    },
  };
}
